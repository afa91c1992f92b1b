import type { AudienceColumn, AudienceReport } from '../../core/report';

const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);


/** The theme's chart colours, one per audience in catalog order (clinical blue, admin orange, IT green, ...). */
const COLOURS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];
const colour = (c: AudienceColumn) => Math.max(0, c.index) % COLOURS.length;

/** A reading time as the report says it ("under a minute", "3 minutes"); the PDF export (./pdf.ts) says it alike. */
export function minutes(value: number): string {
  if (value < 1) return 'under a minute';
  const rounded = Math.round(value);
  return `${rounded} minute${rounded === 1 ? '' : 's'}`;
}

function column(c: AudienceColumn, order: string[], titles: Record<string, string>): string {
  const ruleTitle = (id: string) => titles[id] ?? id;
  // Every number on the card is a per-rule count of the one list of findings (src/core/report.ts).
  const count = (id: string) => c.byRule[id] ?? 0;
  const gradeClass = c.gradeLevel > c.targetGrade ? 'over' : 'ok';
  // The same rule order in every column, so that rows line up across audiences.
  const rules = order.filter((id) => c.byRule[id]).map((id) => [id, c.byRule[id]] as const);
  // A team audience's id is whatever its config key says: only letters, digits and dashes reach the markup.
  const slug = c.audience.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const id = `h-${slug}`;
  return `<section class="audience audience-${slug}" aria-labelledby="${id}">
  <h2 id="${id}"><span class="swatch swatch-${colour(c)}" aria-hidden="true"></span>${esc(c.label)}</h2>
  <dl class="stats">
    <dt>Grade level</dt><dd class="${gradeClass}">${esc(c.gradeLevel)} <span class="muted">(target ${esc(c.targetGrade)})</span></dd>
    <dt>Findings</dt><dd data-figure="total">${esc(c.total)}${c.errors ? ` <span class="muted">(${esc(c.errors)} error${c.errors === 1 ? '' : 's'})</span>` : ''}</dd>
    <dt>${esc(ruleTitle('jargon'))}</dt><dd data-figure="jargon">${esc(count('jargon'))}</dd>
    <dt>Jargon per 100 words</dt><dd>${esc(c.jargonPer100Words)}</dd>
    <dt>${esc(ruleTitle('undefined-acronym'))}</dt><dd data-figure="undefined-acronym">${esc(count('undefined-acronym'))}</dd>
    <dt>${esc(ruleTitle('readability'))}</dt><dd data-figure="readability">${esc(count('readability'))}</dd>
    <dt>Reading time</dt><dd>${esc(minutes(c.readingTimeMinutes))} <span class="muted">(${esc(c.words)} words)</span></dd>
  </dl>
  <h3>Findings per rule</h3>
  ${rules.length ? `<table class="rules"><tbody>${rules.map(([id, n]) => `<tr><th scope="row">${esc(ruleTitle(id))}</th><td data-rule="${esc(id)}">${esc(n)}</td></tr>`).join('')}</tbody></table>` : '<p class="muted">Nothing to fix for these readers.</p>'}
  <h3>${esc(ruleTitle('undefined-acronym'))}</h3>
  ${c.undefinedAcronyms.length ? `<ul class="terms">${c.undefinedAcronyms.map((a) => `<li><code>${esc(a)}</code></li>`).join('')}</ul>` : '<p class="muted">None.</p>'}
  <h3>${esc(ruleTitle('jargon'))}</h3>
  ${c.jargon.length ? `<ul class="terms">${c.jargon.map((j) => `<li><code>${esc(j.term)}</code>${j.say ? ` → ${esc(j.say)}` : j.spellOut ? ' <span class="muted">(spell it out)</span>' : ''}</li>`).join('')}</ul>` : '<p class="muted">None.</p>'}
  ${c.interests ? `<h3>What they care about</h3>
  <ul class="interests">${c.interests.map((i) => `<li class="${i.addressed ? 'ok' : 'over'}">${i.addressed ? '✓' : '✗'} ${esc(i.name)}${i.addressed ? '' : ` <span class="muted">(“${esc(i.question)}”)</span>`}</li>`).join('')}</ul>` : ''}
</section>`;
}

/** Grouped horizontal bars: findings per rule, one bar per audience. Inline SVG, no script. */
function chart(report: AudienceReport): string {
  const ruleTitle = (id: string) => report.ruleTitles[id] ?? id;
  const rows = report.rules.length ? report.rules : [];
  if (rows.length === 0) return '<p class="muted">No findings for any audience.</p>';
  const max = Math.max(1, ...report.columns.flatMap((c) => Object.values(c.byRule)));
  const labelWidth = 150;
  const barArea = 300;
  const barHeight = 10;
  const groupHeight = report.columns.length * (barHeight + 2) + 10;
  const height = rows.length * groupHeight + 4;
  const groups = rows.map((rule, r) => {
    const y0 = r * groupHeight + 2;
    const bars = report.columns.map((c, i) => {
      const n = c.byRule[rule] ?? 0;
      const width = Math.round((n / max) * barArea);
      const y = y0 + i * (barHeight + 2);
      return `<rect class="bar bar-${colour(c)}" x="${labelWidth}" y="${y}" width="${Math.max(width, n ? 2 : 0)}" height="${barHeight}"><title>${esc(c.label)}: ${esc(n)} ${esc(ruleTitle(rule).toLowerCase())}</title></rect>`
        + `<text class="value" x="${labelWidth + width + 4}" y="${y + barHeight - 1}">${esc(n)}</text>`;
    });
    return `<g><text class="label" x="0" y="${y0 + groupHeight / 2}">${esc(ruleTitle(rule))}</text>${bars.join('')}</g>`;
  });
  const legend = report.columns.map((c) => `<span class="legend"><span class="swatch swatch-${colour(c)}" aria-hidden="true"></span>${esc(c.label)}</span>`).join(' ');
  return `<figure class="chart">
  <svg role="img" aria-label="Findings per rule for each audience" width="${labelWidth + barArea + 40}" height="${height}" viewBox="0 0 ${labelWidth + barArea + 40} ${height}" xmlns="http://www.w3.org/2000/svg">${groups.join('')}</svg>
  <figcaption>${legend}</figcaption>
</figure>`;
}

/** Each audience's findings, line by line: what the cards count, for a reader who wants to check. */
function findingsList(report: AudienceReport, open: boolean): string {
  const ruleTitle = (id: string) => report.ruleTitles[id] ?? id;
  return report.columns.map((c) => {
    const slug = c.audience.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    const rows = c.findings.map((f) => `<tr><td class="line">${esc(f.line)}</td><td>${esc(ruleTitle(f.ruleId))}</td><td>${esc(f.message)}</td></tr>`).join('');
    return `<details class="findings findings-${slug}"${open ? ' open' : ''}>
  <summary>${esc(c.label)}: ${esc(c.total)} finding${c.total === 1 ? '' : 's'}</summary>
  ${c.findings.length ? `<table class="list"><thead><tr><th scope="col">Line</th><th scope="col">Rule</th><th scope="col">Finding</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">None.</p>'}
</details>`;
  }).join('\n');
}

/** The colours of a saved report, outside VS Code: the theme variables the page uses, set to a light, printable palette. */
const FILE_THEME = `  :root {
    --vscode-foreground: #1f1f1f; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #5a5a5a;
    --vscode-font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --vscode-font-size: 14px;
    --vscode-editor-font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace;
    --vscode-panel-border: #d0d0d0; --vscode-sideBar-background: #f7f7f7; --vscode-errorForeground: #b3261e;
    --vscode-textPreformat-foreground: #8a3b00;
    --vscode-charts-blue: #1a73e8; --vscode-charts-orange: #e37400; --vscode-charts-green: #188038;
    --vscode-charts-purple: #8430ce; --vscode-charts-red: #d93025; --vscode-charts-yellow: #b28600;
  }`;

/** Print styles: the saved page prints (or saves as PDF from a browser) as a handout, a card never split across pages. */
const PRINT = `  @media print {
    body { padding: 0; font-size: 11pt; }
    .columns { grid-template-columns: repeat(3, 1fr); }
    .audience, .chart, tr { break-inside: avoid; }
    details > summary { list-style: none; font-weight: 600; }
    .swatch, .bar-0, .bar-1, .bar-2, .bar-3, .bar-4, .bar-5 { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }`;

interface PageOptions {
  /** The Content-Security-Policy: nothing but the one nonce'd style element may apply. */
  csp: string;
  nonce: string;
  /** A saved file (export): its own colours, every finding list open, and a line saying when it was made. */
  file?: { generated: string };
}

function page(report: AudienceReport, options: PageOptions): string {
  const { csp, nonce, file } = options;
  // By label ("IT", "Pharmacy"), as the cards name them.
  const labels = report.draftAudience.map((a) => report.columns.find((c) => c.audience === a)?.label ?? a);
  const draftFor = labels.length ? ` The draft itself is for ${labels.join(', ')}.` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Audience report: ${esc(report.title)}</title>
<style nonce="${nonce}">
${file ? `${FILE_THEME}\n` : ''}  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; }
  h2 { font-size: 1.15em; margin: 0 0 8px; display: flex; align-items: center; gap: 6px; }
  body > h2 { margin-top: 20px; }
  h3 { font-size: 1em; margin: 14px 0 4px; color: var(--vscode-descriptionForeground); font-weight: 600; }
  .muted { color: var(--vscode-descriptionForeground); }
  .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
  .audience { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 4px; padding: 10px 12px; background: var(--vscode-sideBar-background, transparent); }
  .stats { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; }
  .stats dt { color: var(--vscode-descriptionForeground); }
  .stats dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  .stats dd.over { color: var(--vscode-errorForeground); }
  .rules { width: 100%; border-collapse: collapse; }
  .rules th { text-align: left; font-weight: normal; }
  .rules td { text-align: right; font-variant-numeric: tabular-nums; }
  .rules tr + tr th, .rules tr + tr td { border-top: 1px solid var(--vscode-panel-border, transparent); }
  .terms { margin: 0; padding-left: 18px; }
  .interests { margin: 0; padding-left: 0; list-style: none; }
  .interests .over { color: var(--vscode-errorForeground); }
  code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
  .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
${COLOURS.map((name, i) => `  .swatch-${i}, .bar-${i} { background: var(--vscode-charts-${name}); fill: var(--vscode-charts-${name}); }`).join('\n')}
  .chart { margin: 16px 0 0; }
  .chart text { fill: var(--vscode-foreground); font-size: 11px; font-family: var(--vscode-font-family); }
  .chart text.label { dominant-baseline: middle; }
  .chart figcaption { margin-top: 4px; }
  .legend { display: inline-flex; align-items: center; gap: 4px; margin-right: 12px; }
  .findings { margin: 8px 0; }
  .findings summary { cursor: default; }
  .list { border-collapse: collapse; margin: 4px 0 0; }
  .list th { text-align: left; color: var(--vscode-descriptionForeground); font-weight: 600; }
  .list th, .list td { padding: 2px 8px 2px 0; vertical-align: top; }
  .list td.line { text-align: right; font-variant-numeric: tabular-nums; }
${PRINT}
</style>
</head>
<body>
<h1>Audience report: ${esc(report.title)}</h1>
<p class="muted">How the whole draft reads for each audience, whatever audience it names.${esc(draftFor)}${file ? ` Made by Crosswalk on ${esc(file.generated)}.` : ''}</p>
<div class="columns">
${report.columns.map((c) => column(c, report.rules, report.ruleTitles)).join('\n')}
</div>
<h2>Findings per rule</h2>
${chart(report)}
<h2>Every finding</h2>
${findingsList(report, Boolean(file))}
</body>
</html>`;
}

/**
 * The report page in its webview. No script at all, and a Content-Security-Policy that allows
 * nothing but the one nonce'd style element: nothing loads from the network or from anywhere else.
 */
export function renderReport(report: AudienceReport, cspSource: string, nonce: string): string {
  return page(report, { csp: `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'`, nonce });
}

/**
 * The report as a file to keep or hand out (Export Audience Report as HTML): one self-contained
 * page, no script, nothing to load (its CSP allows only its own nonce'd style element), its own
 * light colours, and print styles so that a browser's Print or Save as PDF makes a handout.
 */
export function renderReportFile(report: AudienceReport, nonce: string, generated: string): string {
  return page(report, { csp: `default-src 'none'; style-src 'nonce-${nonce}'`, nonce, file: { generated } });
}

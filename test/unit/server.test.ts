import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, WorkspaceEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../src/server/server';
import { lint, settleFixes } from '../../src/index';

/**
 * The language server over an in-process connection, with files in memory: what an editor sees
 * (diagnostics, hover, code actions and their resolved edits) without starting a process.
 * scripts/lsp-clients/ drives the built server from real Neovim and Emacs.
 */

interface Session {
  client: MessageConnection;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  /** Resolves with the next diagnostics published for the URI that satisfy the predicate. */
  next(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string): void;
  close(): void;
}

const CAPABILITIES = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
};

interface Init {
  capabilities?: object;
  initializationOptions?: unknown;
  rootUri?: string;
  folders?: string[];
  /** Answers `workspace/configuration` as the client's settings would. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
}

async function session(files: Record<string, string>, init: Init = {}): Promise<Session> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, up, down);
  startServer(server, { readFile: async (uri) => files[uri] });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, [...(diagnostics.get(params.uri) ?? []), params]);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.predicate(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  client.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => params.items.map((item) => init.configuration?.(item) ?? null));
  client.onRequest('window/showMessageRequest', () => null);
  client.onNotification('window/showMessage', () => undefined);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: init.rootUri ?? 'file:///work/project',
    workspaceFolders: (init.folders ?? [init.rootUri ?? 'file:///work/project']).map((uri) => ({ uri, name: uri.split('/').pop() })),
    capabilities: init.capabilities ?? CAPABILITIES,
    initializationOptions: init.initializationOptions ?? { delay: 0 },
  });
  await client.sendNotification('initialized', {});
  let version = 0;
  return {
    client,
    diagnostics,
    next: (uri, predicate = () => true) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s`)), 10_000);
      waiters.push({ uri, predicate, resolve: (p) => {
        clearTimeout(timer);
        resolve(p);
      } });
    }),
    open: (uri, text, languageId = 'markdown') => void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: ++version, text } }),
    close: () => {
      // Ending the streams would end the test process: the Node connection exits when its input ends.
      client.dispose();
      server.dispose();
    },
  };
}

const DRAFT_URI = 'file:///work/project/docs/notice.md';
const DRAFT = '---\naudience: clinical\n---\n\n# Downtime\n\nUAT for the new order sets starts Monday.\n';

function underlined(text: string, d: Diagnostic): string {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  return out;
}

test('diagnostics on the right characters, with the rule id as code and a link to its docs', async () => {
  const s = await session({});
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await published;
    const jargon = diagnostics.find((d) => d.code === 'jargon');
    assert.ok(jargon, JSON.stringify(diagnostics));
    assert.equal(underlined(DRAFT, jargon), 'UAT');
    assert.equal(jargon.source, 'crosswalk');
    assert.equal(jargon.codeDescription?.href, 'https://github.com/crosswalk-health/crosswalk#rule-jargon');
  } finally {
    s.close();
  }
});

test('hover tells the meaning, who knows the term and the wording for this reader', async () => {
  const s = await session({});
  try {
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    await published;
    const hover = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: DRAFT_URI }, position: { line: 6, character: 1 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\*\*UAT\*\*/);
    assert.match(value, /Known to: .*IT/);
    assert.match(value, /For clinical staff here, say:/);
    assert.deepEqual(hover?.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } });
  } finally {
    s.close();
  }
});

test('code actions are listed without edits and resolved to plain WorkspaceEdits', async () => {
  const s = await session({});
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await published;
    const jargon = diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: jargon.range, context: { diagnostics: [jargon] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Allow "UAT" in this document'), titles.join('\n'));
    assert.ok(titles.includes('Add "UAT" to the team glossary as known to clinical readers'), titles.join('\n'));
    assert.ok(titles.includes('Disable jargon for this line'), titles.join('\n'));
    assert.ok(actions.every((a) => a.edit === undefined && a.command === undefined), 'edits are computed at resolve time, and no action is a client-side command');

    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred) as CodeAction;
    const resolvedFix = await s.client.sendRequest<CodeAction>('codeAction/resolve', fix);
    const fixed = applyEdits(DRAFT, editsFor(resolvedFix.edit, DRAFT_URI));
    assert.doesNotMatch(fixed, /^UAT /m);
    assert.ok(fixed.startsWith('---\naudience: clinical\n---\n\n# Downtime\n'), 'the fix changes only its range');

    const allow = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Allow')));
    assert.match(applyEdits(DRAFT, editsFor(allow.edit, DRAFT_URI)), /^allow: \[ UAT \]$/m);

    const disable = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Disable')));
    assert.match(applyEdits(DRAFT, editsFor(disable.edit, DRAFT_URI)), /starts Monday\. <!-- crosswalk-disable-line jargon -->\n/);
  } finally {
    s.close();
  }
});

test('"Add to team glossary" creates the glossary and names it in .crosswalk.yaml, as edits', async () => {
  const s = await session({ 'file:///work/project/.crosswalk.yaml': 'audience: all\n' });
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await published;
    const jargon = diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: jargon.range, context: { diagnostics: [jargon] } });
    const add = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Add "UAT"')));
    const changes = add.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///work/project/.crosswalk/glossary.yaml', options: { ignoreIfExists: true } });
    const glossary = applyEdits('', editsFor(add.edit, 'file:///work/project/.crosswalk/glossary.yaml'));
    assert.match(glossary, /term: UAT/);
    // UAT is built in as known to IT: the override keeps IT and adds clinical (issue 9).
    assert.match(glossary, /familiar_to: \[ it, clinical \]/);
    const config = applyEdits('audience: all\n', editsFor(add.edit, 'file:///work/project/.crosswalk.yaml'));
    assert.equal(config, 'audience: all\nglossaries:\n  - .crosswalk/glossary.yaml\n');
  } finally {
    s.close();
  }
});

test('"Ignore here" is an edit of .crosswalk.yaml, and the finding stays out after edits elsewhere', async () => {
  const files: Record<string, string> = { 'file:///work/project/.crosswalk.yaml': 'audience: all # everyone\n' };
  const s = await session(files);
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await published;
    const jargon = diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: jargon.range, context: { diagnostics: [jargon] } });
    const listed = actions.find((a) => a.title === 'Ignore this jargon finding here (kept in .crosswalk.yaml)');
    assert.ok(listed, actions.map((a) => a.title).join('\n'));
    const ignore = await s.client.sendRequest<CodeAction>('codeAction/resolve', listed);
    const config = applyEdits(files['file:///work/project/.crosswalk.yaml'], editsFor(ignore.edit, 'file:///work/project/.crosswalk.yaml'));
    assert.equal(config, 'audience: all # everyone\nignored:\n  - rule: jargon\n    file: docs/notice.md\n    text: UAT\n    context: UAT for the new order sets starts Monday.\n');
    assert.equal(editsFor(ignore.edit, DRAFT_URI).length, 0, 'the draft is not touched');
  } finally {
    s.close();
  }
  // A new session reads the config as the edit left it: the finding is gone, also after a line is added above it.
  files['file:///work/project/.crosswalk.yaml'] = 'audience: all # everyone\nignored:\n  - rule: jargon\n    file: docs/notice.md\n    text: UAT\n    context: UAT for the new order sets starts Monday.\n';
  const again = await session(files);
  try {
    const published = again.next(DRAFT_URI);
    again.open(DRAFT_URI, DRAFT.replace('# Downtime\n', '# Downtime\n\nA line added above.\n'));
    const { diagnostics } = await published;
    assert.equal(diagnostics.filter((d) => d.code === 'jargon' && d.message.includes('UAT')).length, 0, JSON.stringify(diagnostics));
  } finally {
    again.close();
  }
});

test('.crosswalk.yaml is found upwards from the draft, no higher than the workspace folder', async () => {
  const s = await session({
    'file:///work/project/.crosswalk.yaml': 'allow: [UAT]\n',
    'file:///work/.crosswalk.yaml': 'rules:\n  jargon: off\n',
  });
  try {
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await published;
    assert.equal(diagnostics.filter((d) => d.code === 'jargon' && underlined(DRAFT, d) === 'UAT').length, 0, JSON.stringify(diagnostics));
  } finally {
    s.close();
  }
  const above = await session({ 'file:///work/.crosswalk.yaml': 'rules:\n  jargon: off\n' });
  try {
    const published = above.next(DRAFT_URI);
    above.open(DRAFT_URI, DRAFT);
    assert.ok((await published).diagnostics.some((d) => d.code === 'jargon'), 'the config above the workspace folder is not read');
  } finally {
    above.close();
  }
});

test('a per-file problem limit, with a notice of what is not shown', async () => {
  const s = await session({}, { initializationOptions: { crosswalk: { delay: 0, maxNumberOfProblems: 1 } } });
  try {
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, `${DRAFT}\nThe EHR and the LIS and the PACS go down for the HL7 work.\n`);
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
    assert.match(diagnostics[1].message, /shows the first 1 of \d+ problems/);
  } finally {
    s.close();
  }
});

test('Emacs sends languageId text: a .md file counts, other text files do not', async () => {
  const s = await session({});
  try {
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT, 'text');
    assert.ok((await published).diagnostics.some((d) => d.code === 'jargon'));
    const txt = 'file:///work/project/notes.txt';
    s.open(txt, DRAFT, 'text');
    const hover = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: txt }, position: { line: 6, character: 1 } });
    assert.equal(hover, null);
    assert.equal(s.diagnostics.get(txt), undefined);
  } finally {
    s.close();
  }
});

test('an edit is checked again, and fix-all answers as source.fixAll.crosswalk', async () => {
  const s = await session({}, { capabilities: {}, initializationOptions: { delay: 0 } });
  try {
    const first = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    await first;
    const edited = s.next(DRAFT_URI, (p) => p.version === 2);
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: DRAFT_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } }, text: 'Testing' }],
    });
    const after = await edited;
    assert.ok(!after.diagnostics.some((d) => d.code === 'jargon' && d.range.start.line === 6 && d.range.start.character === 0));
    const withFixes = s.next(DRAFT_URI, (p) => p.version === 3);
    // EDR is spelled out only later: the safe fix spells it out at its first use.
    const acronyms = '---\naudience: clinical\n---\n\nThe ZQX team and the EDR agent. It is endpoint detection and response (EDR).\n';
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 3 }, contentChanges: [{ text: acronyms }] });
    await withFixes;
    // Without resolve support in the client, the edits come with the list; unattended, only safe fixes.
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: DRAFT_URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.crosswalk']);
    const fixed = applyEdits(acronyms, editsFor(actions[0].edit, DRAFT_URI));
    assert.match(fixed, /the endpoint detection and response \(EDR\) agent/, fixed);
    assert.match(fixed, /The ZQX team/, 'nothing but the safe spell-out changed');
  } finally {
    s.close();
  }
});

test('fix-all actions are titled as the editor titles them and apply the engine\'s plan: safe fixes only unless rewording is opted in', async () => {
  // Two jargon acronyms (spell-outs, safe) and a jargon phrase (a rewording, not safe).
  const text = '---\naudience: clinical\n---\n\nThe RTO is four hours. The RPO is fifteen minutes. Then we test failover.\n';
  const quickFixes = async (init: Init) => {
    const s = await session({}, init);
    try {
      const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
      s.open(DRAFT_URI, text);
      const { diagnostics } = await published;
      const first = diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
      const listed = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: first.range, context: { diagnostics: [first] } });
      const unattended = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: first.range, context: { diagnostics: [], only: ['source.fixAll'] } });
      const resolve = async (action: CodeAction | undefined) => applyEdits(text, editsFor((await s.client.sendRequest<CodeAction>('codeAction/resolve', action)).edit, DRAFT_URI));
      const all = listed.find((a) => a.title.endsWith('in this document (all Crosswalk fixes)'));
      const rule = listed.find((a) => a.title.endsWith('in this document (jargon)'));
      return { titles: listed.map((a) => a.title), unattended, all: all && (await resolve(all)), rule: rule && (await resolve(rule)), onSave: await resolve(unattended[0]) };
    } finally {
      s.close();
    }
  };
  const spelled = '---\naudience: clinical\n---\n\nThe recovery time objective (RTO) is four hours. The recovery point objective (RPO) is fifteen minutes. Then we test failover.\n';
  const safe = await quickFixes({});
  assert.ok(safe.titles.includes('Spell out 2 acronyms in this document (all Crosswalk fixes)'), safe.titles.join('\n'));
  assert.ok(safe.titles.includes('Spell out 2 acronyms in this document (jargon)'), safe.titles.join('\n'));
  assert.ok(!safe.titles.some((t) => /^Fix all/.test(t)), 'no old "Fix all ... problems" title');
  assert.deepEqual(safe.unattended.map((a) => a.title), ['Crosswalk: Spell out 2 acronyms']);
  assert.equal(safe.all, spelled, 'the explicit fix-all applies the safe plan: "failover" is left for the writer');
  assert.equal(safe.rule, spelled);
  assert.equal(safe.onSave, spelled);

  const opted = await quickFixes({ initializationOptions: { delay: 0, fixAll: { includeRewording: true } } });
  const reworded = opted.titles.find((t) => t.endsWith('(all Crosswalk fixes)'));
  assert.match(reworded ?? '', /^Reword 3 phrases in this document/, opted.titles.join('\n'));
  assert.equal(opted.all, '---\naudience: clinical\n---\n\nThe recovery time target is four hours. The data loss limit is fifteen minutes. Then we test the switch-over.\n', 'opted in, the plan rewords');
});

test('fix-all runs to its fixed point: one fix that uncovers another is followed, and fix-all on its result finds nothing', async () => {
  // The first use of "HL7 feed" replaced makes a later "HL7" the first use; "Replace all" stops at
  // a use its wording does not fit (src/core/settle-fixes.ts).
  const text = '---\ntype: incident-update\naudience: [admin, patients]\n---\n\n- MAR\n- *MAR* **MAR** [patients HL7 feed the](https://wiki.example/21) STAT the ADT the completed\n\n- *HL7 MAR HL7 feed*\n- HL7 feed\n\n<!-- note: the HL7 feed -->.\n';
  const s = await session({}, { initializationOptions: { delay: 0, fixAll: { includeRewording: true } } });
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, text);
    await published;
    const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const fixAllOf = async () => (await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } }))[0];
    const action = await fixAllOf();
    const fixed = applyEdits(text, editsFor((await s.client.sendRequest<CodeAction>('codeAction/resolve', action)).edit, DRAFT_URI));
    const settled = settleFixes(text, (t) => lint(t), { includeRewording: true });
    assert.ok(settled.passes > 1);
    assert.equal(fixed, settled.text, 'the server applies every pass, as the engine does');
    const again = s.next(DRAFT_URI, (p) => p.version === 2);
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 2 }, contentChanges: [{ text: fixed }] });
    await again;
    const next = await fixAllOf();
    const left = next ? editsFor((await s.client.sendRequest<CodeAction>('codeAction/resolve', next)).edit, DRAFT_URI) : [];
    assert.deepEqual(left, [], 'fix-all on its own result has nothing left to do');
  } finally {
    s.close();
  }
});

test('settings from workspace/configuration, per document, over initializationOptions', async () => {
  const s = await session({}, {
    capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: true } },
    initializationOptions: { delay: 0, rules: { jargon: 'off' } },
    configuration: (item) => (item.section === 'crosswalk' && item.scopeUri === DRAFT_URI ? { rules: { jargon: 'error' } } : undefined),
  });
  try {
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    const jargon = (await published).diagnostics.find((d) => d.code === 'jargon');
    assert.equal(jargon?.severity, 1, 'the client\'s setting (error) wins over initializationOptions (off)');
  } finally {
    s.close();
  }
});

test('multi-root: each workspace folder has its own .crosswalk.yaml', async () => {
  const s = await session({
    'file:///work/a/.crosswalk.yaml': 'allow: [UAT]\n',
    'file:///work/b/.crosswalk.yaml': 'audience: clinical\n',
  }, { folders: ['file:///work/a', 'file:///work/b'] });
  try {
    const draft = 'UAT for the new order sets starts Monday.\n';
    const a = s.next('file:///work/a/notice.md');
    const b = s.next('file:///work/b/notice.md');
    s.open('file:///work/a/notice.md', draft);
    s.open('file:///work/b/notice.md', draft);
    const uat = (d: Diagnostic) => d.code === 'jargon' && underlined(draft, d) === 'UAT';
    const [inA, inB] = await Promise.all([a, b]);
    assert.ok(!inA.diagnostics.some(uat), 'folder a allows UAT');
    assert.ok(inB.diagnostics.some(uat), 'folder b does not');
  } finally {
    s.close();
  }
});

test('versions of a long draft that arrive while it is checked are not published: only the newest is', async () => {
  const s = await session({});
  try {
    const long = Array.from({ length: 600 }, (_, i) => `Paragraph ${i}: the UAT for the EHR starts on day ${i}.`).join('\n\n') + '\n';
    const newest = s.next(DRAFT_URI, (p) => p.version === 3);
    s.open(DRAFT_URI, long);
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 2 }, contentChanges: [{ text: `${long}More.\n` }] });
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 3 }, contentChanges: [{ text: `${long}More and more.\n` }] });
    await newest;
    const versions = (s.diagnostics.get(DRAFT_URI) ?? []).map((p) => p.version);
    assert.deepEqual(versions, [3], `published versions: ${JSON.stringify(versions)}`);
  } finally {
    s.close();
  }
});

test('run: onSave checks when the draft is saved, not on each change', async () => {
  const s = await session({}, { initializationOptions: { delay: 0, run: 'onSave' } });
  try {
    const first = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    await first;
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 2 }, contentChanges: [{ text: DRAFT.replace('UAT', 'Testing') }] });
    const saved = s.next(DRAFT_URI, (p) => p.version === 2);
    void s.client.sendNotification('textDocument/didSave', { textDocument: { uri: DRAFT_URI } });
    const after = await saved;
    assert.ok(!after.diagnostics.some((d) => d.code === 'jargon' && d.message.includes('UAT')));
    assert.deepEqual((s.diagnostics.get(DRAFT_URI) ?? []).map((p) => p.version), [1, 2], 'one check on open, one on save, none for the change alone');
  } finally {
    s.close();
  }
});

test('"Add to team glossary" writes nothing outside the workspace folder, whatever the config names', async () => {
  const s = await session({ 'file:///work/project/.crosswalk.yaml': 'glossaries:\n  - ../shared/glossary.yaml\n', 'file:///work/shared/glossary.yaml': 'version: 1\nterms: []\n' });
  const messages: string[] = [];
  s.client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  try {
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const jargon = (await published).diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: jargon.range, context: { diagnostics: [jargon] } });
    const add = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Add "UAT"')));
    assert.equal(add.edit, undefined, 'no edit to a file outside the workspace');
    await waitUntil(() => messages.length > 0);
    assert.match(messages[0], /outside the workspace folder/);
  } finally {
    s.close();
  }
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('the draft scope: a README is left out, files: and ignore: in .crosswalk.yaml and crosswalk.files decide as the CLI does', async () => {
  const s = await session({ 'file:///work/project/.crosswalk.yaml': 'files:\n  - messages/\nignore:\n  - messages/archive/\n' });
  try {
    const inside = 'file:///work/project/messages/go-live.md';
    const archived = 'file:///work/project/messages/archive/old.md';
    const published = s.next(inside, (p) => p.diagnostics.length > 0);
    const left = s.next(archived);
    s.open(inside, DRAFT);
    s.open(archived, DRAFT);
    assert.ok((await published).diagnostics.some((d) => d.code === 'jargon'));
    assert.deepEqual((await left).diagnostics, [], 'a draft under ignore: gets no findings');
  } finally {
    s.close();
  }
  const plain = await session({}, { initializationOptions: { delay: 0, files: ['drafts/'] } });
  try {
    const readme = 'file:///work/project/drafts/README.md';
    const other = 'file:///work/project/other.md';
    const inDrafts = 'file:///work/project/drafts/notice.md';
    const a = plain.next(readme);
    const b = plain.next(other);
    const c = plain.next(inDrafts, (p) => p.diagnostics.length > 0);
    plain.open(readme, DRAFT);
    plain.open(other, DRAFT);
    plain.open(inDrafts, DRAFT);
    assert.ok((await a).diagnostics.length > 0, 'crosswalk.files names the folder: its README is a draft too');
    assert.deepEqual((await b).diagnostics, [], 'a file crosswalk.files does not name is left out');
    await c;
  } finally {
    plain.close();
  }
  const defaults = await session({});
  try {
    const readme = 'file:///work/project/README.md';
    const changelog = 'file:///work/project/CHANGELOG.md';
    const a = defaults.next(readme);
    const b = defaults.next(changelog, (p) => p.diagnostics.length > 0);
    defaults.open(readme, '# Tool\n\nUAT starts Monday. Log in with SSO.\n');
    defaults.open(changelog, DRAFT);
    assert.deepEqual((await a).diagnostics, [], 'the project README is no draft');
    assert.ok((await b).diagnostics.length > 0, 'a changelog that declares its audience is');
  } finally {
    defaults.close();
  }
});

test('the glossary action names the audience by its label, and the VS Code extension hears what each check found', async () => {
  const s = await session({}, { capabilities: { ...CAPABILITIES, experimental: { crosswalk: { commands: true } } } });
  const checkedNotices: { uri: string; checked?: { audience: string[]; findings: number }; skipped?: { reason: string; canOptIn: boolean } }[] = [];
  s.client.onNotification('crosswalk/didCheck', (n: (typeof checkedNotices)[number]) => void checkedNotices.push(n));
  s.client.onNotification('crosswalk/log', () => undefined);
  try {
    const text = '---\naudience: it\n---\n\nThe PHI in the EHR audit log is reviewed by the CMIO.\n';
    const published = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, text);
    const { diagnostics } = await published;
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 60 } }, context: { diagnostics } });
    const glossary = actions.filter((a) => a.title.includes('team glossary'));
    assert.ok(glossary.length > 0, actions.map((a) => a.title).join('\n'));
    assert.ok(glossary.every((a) => /as known to IT readers$/.test(a.title)), glossary.map((a) => a.title).join('\n'));
    assert.ok(glossary.every((a) => a.command?.command === 'crosswalk.addToGlossary'), 'the extension runs its own command, which saves and tells');
    await waitUntil(() => checkedNotices.some((n) => n.uri === DRAFT_URI && n.checked));
    const notice = checkedNotices.find((n) => n.checked);
    assert.deepEqual(notice?.checked?.audience, ['it']);
    assert.equal(notice?.checked?.findings, diagnostics.length);
    const readme = 'file:///work/project/README.md';
    s.open(readme, '# Tool\n\nUAT starts Monday.\n');
    await waitUntil(() => checkedNotices.some((n) => n.uri === readme && n.skipped));
    assert.deepEqual(checkedNotices.find((n) => n.uri === readme)?.skipped, { reason: 'README.md is a project document, not a message', canOptIn: true });
    const left = s.next(readme, (p) => p.diagnostics.length > 0);
    void s.client.sendNotification('crosswalk/optIns', { uris: [readme] });
    assert.ok((await left).diagnostics.some((d) => d.code === 'jargon'), '"Check this file" checks it from then on');
  } finally {
    s.close();
  }
});

test('pull diagnostics when the client supports them, and nothing pushed for drafts then', async () => {
  const s = await session({}, { capabilities: { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } } });
  try {
    s.open(DRAFT_URI, DRAFT);
    const report = await s.client.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI } });
    assert.equal(report.kind, 'full');
    const jargon = report.items.find((d) => d.code === 'jargon');
    assert.ok(jargon, JSON.stringify(report.items));
    assert.equal(underlined(DRAFT, jargon), 'UAT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(s.diagnostics.get(DRAFT_URI), undefined, 'no publishDiagnostics for a draft when the client pulls');
  } finally {
    s.close();
  }
});

test('Check All Drafts, the report and Rewrite for Audience run in the server', async () => {
  const files = {
    'file:///work/project/a.md': DRAFT,
    'file:///work/project/CONTRIBUTING.md': '# Contributing\n\nRun UAT first.\n',
  };
  const s = await session(files);
  try {
    const checks = await s.client.sendRequest<({ uri: string; findings: number; diagnostics: Diagnostic[] } | { uri: string; skipped: string })[]>('crosswalk/checkFiles', { uris: Object.keys(files) });
    const [a, contributing] = checks;
    assert.ok('findings' in a && a.findings > 0 && a.diagnostics.some((d) => d.code === 'jargon'), JSON.stringify(a));
    assert.ok('skipped' in contributing && /project document/.test(contributing.skipped), JSON.stringify(contributing));
    const published = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    await published;
    const report = await s.client.sendRequest<{ columns: { audience: string; byRule: Record<string, number> }[] }>('crosswalk/report', { uri: DRAFT_URI });
    assert.ok(report.columns.some((c) => c.audience === 'clinical' && (c.byRule.jargon ?? 0) > 0), JSON.stringify(report.columns.map((c) => c.audience)));
    const rewrite = await s.client.sendRequest<{ rewritten: { text: string } }>('crosswalk/rewrite', { uri: DRAFT_URI, audience: 'clinical' });
    assert.doesNotMatch(rewrite.rewritten.text, /^UAT /m);
  } finally {
    s.close();
  }
});

test('a long draft being re-checked: code actions answer from the last check, carried over to the lines the edit did not touch', async () => {
  const s = await session({});
  try {
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says the new lab system starts on day ${i}.`).join('\n\n');
    const long = `---\naudience: clinical\n---\n\n${filler}\n\nUAT for the new order sets starts Monday.\n`;
    const first = s.next(DRAFT_URI, (p) => p.version === 1);
    s.open(DRAFT_URI, long);
    await first;
    // An edit at the top adds two lines; the check of version 2 is not waited for.
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: DRAFT_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'A new first line.\n\n' }],
    });
    const edited = `---\naudience: clinical\n---\n\nA new first line.\n\n${filler}\n\nUAT for the new order sets starts Monday.\n`;
    const line = edited.split('\n').findIndex((l) => l.startsWith('UAT for'));
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DRAFT_URI }, range: { start: { line, character: 0 }, end: { line, character: 3 } }, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    const resolved = await s.client.sendRequest<CodeAction>('codeAction/resolve', fix);
    const fixed = applyEdits(edited, editsFor(resolved.edit, DRAFT_URI));
    assert.ok(fixed.startsWith(`---\naudience: clinical\n---\n\nA new first line.\n\n${filler}\n\n`), 'the fix lands where the term is now');
    assert.doesNotMatch(fixed, /^UAT for/m);
  } finally {
    s.close();
  }
});

test('.gitignore and .crosswalkignore, opt-outs and the glossary additions, in the server', async () => {
  const glossary = 'version: 1\nterms:\n  - term: Epic\n    familiar_to: [clinical]\n';
  const marked = 'version: 1\nterms:\n  - term: Epic\n    familiar_to: [clinical]\n  - term: UAT # crosswalk: added from the editor\n    override: true\n    familiar_to: [it, clinical]\n';
  const files: Record<string, string> = {
    'file:///work/project/.gitignore': '# out of git\nold-*.md\n',
    'file:///work/project/.crosswalkignore': '!old-keep.md\n',
    'file:///work/project/old-notes.md': DRAFT,
    'file:///work/project/old-keep.md': DRAFT,
    'file:///work/project/a.md': DRAFT,
    'file:///work/project/.crosswalk/glossary.yaml': marked,
  };
  const s = await session(files);
  type Check = { uri: string; findings: number } | { uri: string; skipped: string };
  const check = (uris: string[]) => s.client.sendRequest<Check[]>('crosswalk/checkFiles', { uris });
  try {
    const [notes, keep] = await check(['file:///work/project/old-notes.md', 'file:///work/project/old-keep.md']);
    assert.deepEqual(notes, { uri: 'file:///work/project/old-notes.md', skipped: 'ignored by .gitignore ("old-*.md")' });
    assert.ok('findings' in keep && keep.findings > 0, '.crosswalkignore takes old-keep.md back in');
    void s.client.sendNotification('crosswalk/optIns', { uris: [], outs: ['file:///work/project/a.md'] });
    // The notification and the request travel in order on one connection: the opt-out holds for the next check.
    const [a] = await check(['file:///work/project/a.md']);
    assert.ok('skipped' in a && /^you asked to stop checking it/.test(a.skipped), JSON.stringify(a));
    const additions = await s.client.sendRequest<{ uri: string; name: string; addition: { term: string; line: number } }[]>('crosswalk/glossaryAdditions', {});
    assert.deepEqual(additions, [{ uri: 'file:///work/project/.crosswalk/glossary.yaml', name: '.crosswalk/glossary.yaml', addition: { term: 'UAT', line: 5 } }]);
    const undo = await s.client.sendRequest<{ edit: WorkspaceEdit; message: string }>('crosswalk/undoGlossaryAddition', { uri: 'file:///work/project/.crosswalk/glossary.yaml', term: 'UAT' });
    assert.equal(applyEdits(marked, editsFor(undo.edit, 'file:///work/project/.crosswalk/glossary.yaml')), glossary);
    assert.equal(undo.message, 'Undid the glossary addition for "UAT": removed its entry from .crosswalk/glossary.yaml.');
    const outside = await s.client.sendRequest<{ refused: string }>('crosswalk/undoGlossaryAddition', { uri: 'file:///work/shared/glossary.yaml', term: 'UAT' });
    assert.match(outside.refused, /outside the workspace folder/);
  } finally {
    s.close();
  }
});

test('a crosswalk.glossaries setting naming a file outside the folder is refused, with a finding at that path in .vscode/settings.json', async () => {
  const settingsUri = 'file:///work/project/.vscode/settings.json';
  const settingsText = '{\n  // team settings\n  "crosswalk.enable": true,\n  "crosswalk.glossaries": [\n    "team.yaml",\n    "../outside/keys"\n  ]\n}\n';
  const s = await session({ [settingsUri]: settingsText, 'file:///work/outside/keys': 'terms:\n  - term: UAT\n    familiar_to: [clinical, admin, it]\n' }, {
    // VS Code's client (the Crosswalk extension): settings.json is its settings file.
    capabilities: { ...CAPABILITIES, experimental: { crosswalk: {} } },
    initializationOptions: { delay: 0, glossaries: ['team.yaml', '../outside/keys'] },
  });
  s.client.onNotification('crosswalk/log', () => undefined);
  try {
    const problems = s.next(settingsUri, (p) => p.diagnostics.length > 0);
    const draft = s.next(DRAFT_URI, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const [problem] = (await problems).diagnostics;
    assert.match(problem.message, /"\.\.\/outside\/keys".*outside the workspace folder \(\/work\/outside\/keys\)/);
    // 0-based: the line of "../outside/keys" in the settings file, not its first line.
    assert.deepEqual(problem.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 21 } });
    assert.ok((await draft).diagnostics.some((d) => d.code === 'jargon' && d.message.includes('UAT')), 'the outside file was not read as a glossary');
  } finally {
    s.close();
  }
});

test('a team glossary with more problems than crosswalk.maxNumberOfProblems gets that many diagnostics and a notice, as a draft does', async () => {
  const glossaryUri = 'file:///work/project/team.yaml';
  // 300 new terms that each lack the fields a finding needs: a problem each.
  const glossary = `version: 1\nterms:\n${Array.from({ length: 300 }, (_, i) => `  - term: Widget${i} frame\n    definition: The frame ${i}.\n`).join('')}`;
  const s = await session({ 'file:///work/project/.crosswalk.yaml': 'glossaries: [team.yaml]\n', [glossaryUri]: glossary });
  try {
    const problems = s.next(glossaryUri, (p) => p.diagnostics.length > 0);
    s.open(DRAFT_URI, DRAFT);
    const { diagnostics } = await problems;
    assert.equal(diagnostics.length, 101, 'the first 100 (the default limit) and the notice');
    assert.ok(diagnostics.slice(0, 100).every((d) => /lacks/.test(d.message)) && diagnostics[0].range.start.line === 2, diagnostics[0].message);
    assert.match(diagnostics[100].message, /the first 100 of 300 problems in this file \(setting crosswalk.maxNumberOfProblems\)/);
  } finally {
    s.close();
  }
});

test('a team glossary named by the crosswalk.glossaries setting is checked against the glossary format: a bad entry is a finding at its line in the glossary, and the rest loads', async () => {
  const glossaryUri = 'file:///work/project/team.yaml';
  const glossary = 'version: 1\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [clinical, admin, it]\n  - term: tele box\n    familar_to: [clinical]\n';
  const s = await session({ [glossaryUri]: glossary }, { initializationOptions: { delay: 0, glossaries: ['team.yaml'] } });
  try {
    const problems = s.next(glossaryUri, (p) => p.diagnostics.length > 0);
    const draft = s.next(DRAFT_URI);
    s.open(DRAFT_URI, DRAFT);
    const messages = (await problems).diagnostics.map((d) => [d.range.start.line, d.message] as const);
    // 0-based lines: "- term: tele box" is line 5, its misspelt field line 6.
    assert.ok(messages.some(([line, m]) => line === 6 && /Unknown field "familar_to" in "tele box"; did you mean "familiar_to"\?/.test(m)), JSON.stringify(messages));
    assert.ok(messages.some(([line, m]) => line === 5 && /"tele box" lacks/.test(m)), JSON.stringify(messages));
    assert.ok(!(await draft).diagnostics.some((d) => d.code === 'jargon' && d.message.includes('UAT')), 'the override in the same glossary still loads');
  } finally {
    s.close();
  }
});

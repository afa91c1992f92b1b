#!/usr/bin/env node
// Writes benchmark drafts of about 1,000, 10,000 and 100,000 words to bench/corpus/.
//
// The drafts look like the health IT messages Crosswalk checks: front matter with an audience,
// headings, audience markers, paragraphs, bullet and numbered lists, tables, code spans and
// links, with the jargon and acronyms of downtime notices, go-live memos, incident updates and
// runbooks, and some long sentences. Everything comes from the templates below and a seeded
// PRNG, so the same seed always gives the same bytes (no network, no external data).
//
// `node bench/generate.mjs [--seed N]`; also importable: `makeDraft(words, seed)`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SIZES = [1_000, 10_000, 100_000];
export const DEFAULT_SEED = 20240611;

/** mulberry32: small, fast and good enough for picking templates. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
    between: (lo, hi) => lo + int(hi - lo + 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const SLOTS = {
  system: ['Epic', 'Cerner', 'the eMAR', 'CPOE', 'the PACS', 'the LIS', 'the RIS', 'Pyxis', 'Omnicell', 'the interface engine',
    'the HL7 interface engine', 'Rhapsody', 'Cloverleaf', 'the patient portal', 'the ADT feed', 'the BCMA scanners',
    'Imprivata SSO', 'Citrix', 'the data warehouse', 'the FHIR API', 'Dragon dictation', 'the lab interface',
    'the blood bank system', 'the downtime viewer', 'the scheduling system', 'the ERP', 'the smart pump server', 'Kronos',
    'the nurse call system', 'the telemetry central station', 'the anesthesia record', 'the PDMP gateway'],
  unit: ['4 West', 'the ED', 'the ICU', 'the MICU', 'L&D', 'the NICU', 'oncology infusion', 'the PACU', 'the OR', '5 North med-surg',
    'inpatient pharmacy', 'radiology', 'the core lab', 'the outpatient clinics', 'inpatient rehab', 'the cath lab', 'dialysis',
    'the step-down unit', 'behavioral health', 'the burn unit', 'pediatrics', 'the urgent care sites', 'endoscopy'],
  role: ['nurses', 'charge nurses', 'pharmacists', 'physicians', 'residents', 'unit clerks', 'respiratory therapists',
    'registration staff', 'providers', 'APPs', 'super users', 'nurse managers', 'lab techs', 'radiology techs', 'hospitalists',
    'CNAs', 'schedulers', 'coders', 'case managers'],
  team: ['the service desk', 'the Epic ClinDoc team', 'the integration team', 'the infrastructure team', 'nursing informatics',
    'pharmacy informatics', 'the command center', "the CMIO's office", 'the security operations center', 'the network team',
    'the DBA team', 'the application analysts', 'the vendor', 'the project management office', 'the revenue cycle team',
    'the HIM department', 'clinical engineering', 'the privacy office'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  clock: ['00:30', '01:00', '02:00', '02:30', '03:15', '04:00', '05:45', '06:00', '07:00', '11:30', '13:00', '17:00', '19:00',
    '21:00', '22:00', '23:00', '23:30'],
  duration: ['30 minutes', '45 minutes', '90 minutes', 'two hours', 'three hours', 'four hours', 'six hours', 'about an hour',
    'up to eight hours'],
  symptom: ['slow screens in Epic', 'orders not crossing to the lab', 'results not filing to the chart', 'Citrix sessions dropping',
    'badge tap login failing', 'the eMAR not loading', 'label printers offline', 'ADT messages queuing', 'PACS images delayed',
    'the patient portal returning errors', 'pharmacy verification queue stuck', 'Pyxis overrides not syncing',
    'VPN connections timing out', 'e-prescriptions not reaching pharmacies'],
  cause: ['a failed storage controller', 'an expired TLS certificate', 'a database lock on the Clarity server', 'a DNS change',
    'a full disk on the interface server', 'a vendor patch applied out of window', 'a firewall rule pushed in error',
    'a network switch failure in the data center', 'a memory leak in the HL7 listener', 'a misconfigured load balancer',
    'a stuck queue in the interface engine', 'an Active Directory replication delay'],
  server: ['hl7-prd-02', 'epic-odb-01', 'ctx-sf-03', 'pacs-arch-1', 'lis-app-04', 'clarity-sql-02', 'ie-node-b', 'fhir-gw-01',
    'mirth-prd', 'dc2-san-07'],
  command: ['systemctl restart hl7-listener', 'Get-Service EpicPrintService', 'kubectl rollout status deploy/fhir-gw',
    'tail -f /var/log/interface/adt.log', 'ping pacs-arch-1', 'nslookup epic-prd.health.local', 'iisreset /noforce',
    'sqlcmd -Q "SELECT 1"', 'df -h /data', 'netstat -an | grep 2575'],
  link: ['[downtime procedures](https://intranet.example.org/it/downtime)', '[the tip sheet](https://intranet.example.org/epic/tips/emar.pdf)',
    '[the status page](https://status.example.org)', '[the training schedule](https://learn.example.org/golive)',
    '[the change record](https://itsm.example.org/change/CHG0041234)', '[the BCA guide](https://intranet.example.org/bca)',
    '<https://intranet.example.org/command-center>', '[the runbook index](https://wiki.example.org/runbooks)',
    '[HIPAA training](https://learn.example.org/hipaa)', '[the FAQ](https://intranet.example.org/golive/faq)'],
  phone: ['ext. 4-5555', 'ext. 7-2211', '555-0142', 'ext. 3-HELP', '555-0199'],
  pct: ['12', '25', '40', '60', '75', '90', '98', '99.9'],
  count: ['3', '4', '6', '12', '17', '24', '40', '115', '230'],
  version: ['2023.1', '2024 Feb', '11.4.2', 'R2', '8.3', '23.2 SU5'],
  acronymDef: ['user acceptance testing (UAT)', 'recovery time objective (RTO)', 'recovery point objective (RPO)',
    'protected health information (PHI)', 'computerized provider order entry (CPOE)', 'electronic medication administration record (eMAR)',
    'business continuity access (BCA)', 'change advisory board (CAB)', 'admission, discharge and transfer (ADT)',
    'bar code medication administration (BCMA)', 'picture archiving and communication system (PACS)'],
};

const ticket = (r) => `${r.pick(['INC', 'CHG', 'RITM', 'PRB'])}00${r.between(10000, 99999)}`;
const date = (r) => `${r.pick(SLOTS.month)} ${r.between(1, 28)}`;
const code = (r) => '`' + r.pick(r.chance(0.5) ? SLOTS.server : SLOTS.command) + '`';

function fill(template, r) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    if (name === 'ticket') return ticket(r);
    if (name === 'date') return date(r);
    if (name === 'code') return code(r);
    const list = SLOTS[name];
    return list ? r.pick(list) : whole;
  });
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Sentences, by kind of message

export const SENTENCES = {
  downtime: [
    '{system} will be unavailable on {day}, {date}, from {clock} to {clock} for a planned upgrade to version {version}.',
    'During the downtime, {role} in {unit} should use paper downtime forms and the downtime viewer.',
    'The expected RTO is {duration}, and no data entered before the downtime will be lost.',
    'Print your unit census and the MAR summary from the BCA workstation before {clock}.',
    'Orders written on paper during the downtime must be entered into CPOE by the ordering provider once {system} is back.',
    'Medication administration must be documented on the paper MAR and back-entered into the eMAR within four hours of recovery.',
    'Lab results will be phoned to the unit for any critical values until the LIS interface is restored.',
    'Do not reboot workstations or log out of Citrix while the maintenance window is in progress.',
    'Pyxis cabinets will stay available in override mode, and pharmacists will review every override after the downtime.',
    'If you are unsure whether a result has filed, call {team} at {phone} rather than re-ordering the test.',
    'A read-only copy of the chart is available in the downtime viewer on the BCA PC at each nursing station.',
    'Registration will assign temporary MRNs that HIM will merge with the permanent record after recovery.',
    'This downtime is approved under change {ticket} and was reviewed by the CAB on {day}.',
    'Radiology will hold non-urgent exams, and STAT imaging will be read from the modality console until the PACS is back.',
    'We chose {clock} because census and order volume are lowest at that time across {unit} and {unit}.',
    'Please remind {role} coming on shift that the downtime starts at {clock} and may run longer than planned.',
  ],
  golive: [
    '{system} goes live in {unit} on {day}, {date}, at {clock}.',
    'All {role} must complete their training in the learning system before they are given access to the new build.',
    'Super users will give at-the-elbow support on every shift for the first two weeks after go-live.',
    'The command center will open at {clock} on go-live day and can be reached at {phone}.',
    'UAT finished on {date} with {count} open defects, none of which block the cutover.',
    'Integrated testing confirmed that HL7 ADT, ORM and ORU messages flow between {system} and {system} as designed.',
    'The cutover plan moves active orders, allergies and problem lists from the legacy system in a window of {duration}.',
    'After go-live, please report problems through {team} so that each one gets a ticket and an owner.',
    'Pharmacists will verify all active medication orders in the new eMAR before the first scheduled administration.',
    'Dual sign-off will be needed for high-alert medications during the first week while the team watches for workflow issues.',
    'Leaders will round on {unit} at {clock} each day to collect feedback and share quick fixes.',
    'Your login does not change, but the first time you sign in you will be asked to enroll in MFA.',
    'Tip sheets for {role} are posted on {link} and at every nursing station.',
    'Optimization requests that are not safety issues will be collected and reviewed after the stabilization period.',
    'A go/no-go decision will be made by the steering committee at {clock} on {day} based on readiness scores.',
    'If you see a patient safety issue, stop, call {phone} and tell the charge nurse right away.',
  ],
  incident: [
    'At {clock} {team} received reports of {symptom} in {unit} and opened {ticket} as a Sev 1.',
    'The cause appears to be {cause}, and engineers are working to restore service.',
    'About {pct} percent of users in {unit} are affected, and downtime procedures are in effect for those areas.',
    'The interface queue on {code} has been drained and messages are now processing in order.',
    'No PHI was exposed, and there is no evidence of unauthorized access to patient records.',
    'The workaround for now is to use the downtime viewer for results and to call the lab for STAT values.',
    'The next update will be sent at {clock} or sooner if the status changes.',
    'Service was restored at {clock}, and {team} is monitoring {system} for degraded performance.',
    'A root cause analysis will be completed within five business days and shared with the incident review group.',
    'Messages that queued during the outage will be replayed, so some results may show a delayed filing time.',
    'Please do not re-enter orders that were placed during the outage until {team} confirms they did not cross.',
    'The vendor has confirmed {cause} and is preparing a hotfix that will be tested before it is applied.',
    'Clinical leaders have been notified and nursing supervisors are rounding on affected units.',
    'Our RPO for this system is 15 minutes, and we have confirmed that no transactions were lost.',
    'If you documented on paper during the outage, back-enter that documentation once the system is stable.',
    'The security team checked for signs of ransomware and found no indicators of compromise on {code}.',
  ],
  runbook: [
    'Confirm that the maintenance window is approved under {ticket} before you start.',
    'Log in to {code} with your privileged account and check that the service is healthy.',
    'Stop the inbound HL7 listener with {code} and confirm that the queue depth is zero.',
    'Take a snapshot of the virtual machine and record the snapshot ID in the change record.',
    'Run {code} and compare the output with the baseline captured during UAT.',
    'If the failover does not finish within {duration}, start the rollback steps in the next section.',
    'Notify {team} in the bridge channel when each step is complete so the timeline stays accurate.',
    'Verify that ADT, ORM and ORU messages are flowing by sending a test patient from the sandbox.',
    'Check the interface engine dashboard for errors and resend any NAK messages after the root cause is fixed.',
    'Update DNS to point epic-prd at the secondary data center and flush the cache on the Citrix servers.',
    'Do not start failback until the primary site has been stable for at least {duration}.',
    'Record the actual RTO and RPO in the post-implementation review so that the BIA can be updated.',
    'Escalate to the on-call manager at {phone} if any step fails twice.',
    'Validate that BCMA scanning, label printing and Pyxis profiles work on at least one unit before you close the change.',
    'Rotate the service account password in the vault and update the connection string on {code}.',
    'Capture the logs with {code} and attach them to {ticket} before closing it.',
  ],
  admin: [
    'The project is on budget, with capex of ${count}0,000 and opex that stays within this FY forecast.',
    'The business case assumes a {pct} percent drop in overtime hours once the new scheduling module is live.',
    'Revenue cycle leaders expect a short rise in DNFB while coders adjust to the new workflow.',
    'The vendor SOW includes {count} days of on-site support and a 99.9 percent uptime SLA.',
    'We will report KPIs such as charge lag, denial rate and clean claim rate to the steering committee each month.',
    'Finance has approved the additional FTE for the interface analyst role through the end of the fiscal year.',
    'The compliance team confirmed that the new workflow meets HIPAA minimum necessary requirements.',
    'Please route questions about budget impact to the project management office.',
  ],
  general: [
    'Thank you for your patience while we complete this work.',
    'We will send a reminder the day before.',
    'Questions can go to {team} at {phone}.',
    'More detail is in {link}.',
    'This message was sent to all {role} in {unit}.',
    'The schedule may change if the upgrade runs long.',
    'We know this is a busy time for {unit}, and we have planned the work to keep the impact small.',
    'Please share this message with anyone on your team who does not read email during their shift.',
  ],
};

const PROPER = new Set(['Epic', 'Cerner', 'Pyxis', 'Omnicell', 'Rhapsody', 'Cloverleaf', 'Imprivata', 'Citrix', 'Dragon', 'Kronos', 'CPOE', 'UAT']);
/** Lowercases a sentence's first word to run it on after a comma, unless it is a name or acronym. */
const lowerFirst = (s) => {
  const first = s.split(' ')[0];
  return PROPER.has(first) || /^[A-Z0-9]{2}/.test(first) ? s : s.charAt(0).toLowerCase() + s.slice(1);
};

const CONNECTORS = ['and', 'but', 'so', 'while', 'because', 'although', 'which means that', 'and in addition', 'so that'];

const DEFINED = SLOTS.acronymDef.map((def) => [/\(([^)]+)\)$/.exec(def)[1], def]);

function sentence(r, kind) {
  const pool = r.chance(0.15) ? SENTENCES.general : SENTENCES[kind];
  let s = fill(r.pick(pool), r);
  if (r.chance(0.3)) {
    // Spell an acronym out now and then, as careful writers do at its first use.
    const found = DEFINED.find(([acronym]) => new RegExp(`\\b${acronym}\\b`).test(s));
    if (found) s = s.replace(new RegExp(`\\b${found[0]}\\b`), found[1]);
  }
  if (r.chance(0.12)) {
    // A long sentence: two or three clauses run together, as drafts written in a hurry have.
    const parts = [s.replace(/[.]$/, '')];
    const extra = r.chance(0.3) ? 2 : 1;
    for (let i = 0; i < extra; i++) {
      const next = fill(r.pick(SENTENCES[kind]), r).replace(/[.]$/, '');
      parts.push(`${r.pick(CONNECTORS)} ${lowerFirst(next)}`);
    }
    s = parts.join(', ') + '.';
  }
  return s;
}

function paragraph(r, kind) {
  const n = r.between(2, 6);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(r, kind));
  if (r.chance(0.15)) out.push(`See ${r.pick(SLOTS.link)} for details.`);
  if (r.chance(0.08)) out.push(`The affected server is ${code(r)}.`);
  return out.join(' ');
}

function bulletList(r, kind, ordered) {
  const n = r.between(3, 7);
  const items = [];
  for (let i = 0; i < n; i++) {
    let item = sentence(r, kind);
    if (r.chance(0.25)) item = `**${capital(r.pick(SLOTS.role))}:** ${item}`;
    items.push(`${ordered ? `${i + 1}.` : '-'} ${item}`);
    if (!ordered && r.chance(0.1)) items.push(`  - ${sentence(r, 'general')}`);
  }
  return items.join('\n');
}

function table(r, kind) {
  const rows = r.between(3, 6);
  if (kind === 'incident') {
    const lines = ['| Time | Update | Owner |', '| --- | --- | --- |'];
    for (let i = 0; i < rows; i++) lines.push(`| ${r.pick(SLOTS.clock)} | ${sentence(r, 'incident').replace(/\|/g, '\\|')} | ${capital(r.pick(SLOTS.team))} |`);
    return lines.join('\n');
  }
  if (kind === 'runbook') {
    const lines = ['| Step | Command | Expected result |', '| --- | --- | --- |'];
    for (let i = 0; i < rows; i++) lines.push(`| ${i + 1} | ${code(r).replace(/\|/g, '\\|')} | ${r.pick(['Service reports healthy', 'Queue depth is 0', 'Returns 1 row', 'No errors in the last 5 minutes', 'ACK received for test message'])} |`);
    return lines.join('\n');
  }
  const lines = ['| Area | Impact | What to do |', '| --- | --- | --- |'];
  for (let i = 0; i < rows; i++) {
    lines.push(`| ${capital(r.pick(SLOTS.unit))} | ${capital(r.pick(SLOTS.system))} unavailable for ${r.pick(SLOTS.duration)} | ${sentence(r, kind).replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

function codeBlock(r) {
  const lines = [];
  for (let i = 0, n = r.between(2, 5); i < n; i++) lines.push(r.pick(SLOTS.command));
  return '```sh\n' + lines.join('\n') + '\n```';
}

const TITLES = {
  downtime: ['Planned downtime: {system} upgrade', 'Downtime notice for {unit}', '{system} maintenance window on {day}'],
  golive: ['Go-live: {system} in {unit}', 'Go-live readiness update', 'Cutover weekend plan for {system}'],
  incident: ['Incident {ticket}: {symptom}', 'Service restored: {symptom}', 'Update on {symptom}'],
  runbook: ['Runbook: {system} failover', 'Runbook: restarting {system}', 'Runbook: HL7 interface recovery'],
  admin: ['Budget and staffing update', 'Steering committee summary', 'Project status for leadership'],
};

const SUBHEADINGS = {
  downtime: ['What is happening', 'When', 'Who is affected', 'What to do during the downtime', 'After the downtime', 'Contacts'],
  golive: ['Summary', 'Timeline', 'Training', 'Command center', 'Support after go-live', 'FAQ'],
  incident: ['Current status', 'Impact', 'Timeline', 'Workaround', 'Next update'],
  runbook: ['Purpose', 'Before you start', 'Steps', 'Rollback', 'Validation', 'Escalation'],
  admin: ['Summary', 'Budget', 'Staffing', 'Risks', 'Decisions needed'],
};

const KIND_AUDIENCE = { downtime: 'clinical', golive: 'clinical', incident: 'all', runbook: 'it', admin: 'admin' };
const KINDS = Object.keys(TITLES);

/** One message: a titled section with sub-sections of paragraphs, lists, tables and code. */
function message(r, level) {
  const kind = r.pick(KINDS);
  const parts = [];
  // Few drafts mark sections for an audience: a marker before one message in ten.
  if (r.chance(0.1)) parts.push(`<!-- audience: ${KIND_AUDIENCE[kind]} -->`);
  parts.push(`${'#'.repeat(level)} ${fill(r.pick(TITLES[kind]), r)}`);
  parts.push(paragraph(r, kind));
  for (const heading of SUBHEADINGS[kind]) {
    if (r.chance(0.25)) continue;
    parts.push(`${'#'.repeat(level + 1)} ${heading}`);
    const blocks = r.between(1, 3);
    for (let b = 0; b < blocks; b++) {
      const x = r.next();
      if (x < 0.55) parts.push(paragraph(r, kind));
      else if (x < 0.75) parts.push(bulletList(r, kind, kind === 'runbook'));
      else if (x < 0.87) parts.push(table(r, kind));
      else if (x < 0.93 && kind === 'runbook') parts.push(codeBlock(r));
      else if (x < 0.96) parts.push(`> **Note:** ${sentence(r, kind)}`);
      else parts.push(paragraph(r, 'general'));
    }
  }
  return parts.join('\n\n');
}

export function countWords(text) {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.&/-]*/gu);
  return m ? m.length : 0;
}

/** A draft of at least `words` words (a little over: it ends at a message boundary's block). */
export function makeDraft(words, seed = DEFAULT_SEED) {
  const r = prng(seed ^ words);
  const audience = r.pick(['clinical', 'it', 'admin', '[clinical, it]', 'all']);
  const head = `---\ntitle: "${fill(r.pick(TITLES.golive), r)}"\naudience: ${audience}\ntype: ${r.pick(['downtime', 'go-live', 'incident', 'runbook'])}\n---\n`;
  const parts = [`# ${fill(r.pick(TITLES[r.pick(KINDS)]), r)}`, paragraph(r, 'general')];
  let count = countWords(parts.join('\n\n'));
  while (count < words) {
    const m = message(r, 2);
    // Fill to the target block by block, so sizes land close to it.
    for (const block of m.split('\n\n')) {
      if (count >= words) break;
      parts.push(block);
      count += countWords(block);
    }
  }
  return `${head}\n${parts.join('\n\n')}\n`;
}

export function corpusPath(words) {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus', `draft-${words / 1000}k.md`);
}

function main() {
  const i = process.argv.indexOf('--seed');
  const seed = i === -1 ? DEFAULT_SEED : Number(process.argv[i + 1]);
  fs.mkdirSync(path.dirname(corpusPath(1000)), { recursive: true });
  for (const words of SIZES) {
    const text = makeDraft(words, seed);
    fs.writeFileSync(corpusPath(words), text);
    console.log(`${path.relative(process.cwd(), corpusPath(words))}: ${countWords(text)} words, ${text.length} characters`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

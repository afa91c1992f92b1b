/**
 * The sentence table of issue 12: sentences from the field's messages (term as subject, object,
 * modifier, in a heading, bold, linked, plural, possessive, at a sentence start), each with the
 * exact text the first "Replace with" fix of the jargon finding writes, for each audience.
 * `null`: no jargon finding for that audience (the term is familiar to it). `KEEP`: no
 * replacement is offered (no wording fits there, or it would make the sentence hard or long),
 * only the spell-out (for acronyms) and the hover's explanation. Patients (data/audiences.yaml)
 * get plain everyday words (data/in-place/, `patients:`); a term used as a modifier with no
 * modifier form that reads well ("HL7 results", "critical value callback") is KEEP for everyone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, applyFixes, createLinter, type AudienceId } from '../../src/index';

const KEEP = 'keep';
type Expected = string | null | typeof KEEP;
const AUDIENCES: AudienceId[] = ['clinical', 'admin', 'it', 'patients'];

const TABLE: [sentence: string, clinical: Expected, admin: Expected, it: Expected, patients: Expected][] = [
  ["UAT sign-off is complete.", "Final testing sign-off is complete.", "Final testing sign-off is complete.", null, "Final testing sign-off is complete."],
  ["The HL7 interface engine applies an urgent fix.", KEEP, KEEP, null, KEEP],
  ["An RTO of four hours applies to the lab system.", "A recovery time target of four hours applies to the lab system.", "A recovery time target of four hours applies to the lab system.", null, KEEP],
  ["We will test failover to the backup data center.", "We will test the switch-over to the backup data center.", "We will test the switch-over to the backup data center.", null, "We will test the switch-over to the backup data center."],
  ["**BCMA** scanning rates rose on every unit.", null, "**Bedside barcode** scanning rates rose on every unit.", null, "**Bedside barcode** scanning rates rose on every unit."],
  ["The CPOE order sets currently generate excessive alert fatigue.", null, "The electronic order sets currently generate excessive alert fatigue.", "The electronic order sets currently generate excessive alert fatigue.", "The electronic order sets currently generate excessive alert fatigue."],
  ["UAT starts Monday in the training room.", "Final testing starts Monday in the training room.", "Final testing starts Monday in the training room.", null, "Final testing starts Monday in the training room."],
  ["Staff join UAT on Tuesday.", "Staff join final testing on Tuesday.", "Staff join final testing on Tuesday.", null, "Staff join final testing on Tuesday."],
  ["UATs run every Friday.", "Final test rounds run every Friday.", "Final test rounds run every Friday.", null, "Final test rounds run every Friday."],
  ["The UAT team meets at noon.", "The final testing team meets at noon.", "The final testing team meets at noon.", null, "The final testing team meets at noon."],
  ["## UAT schedule", "## Final testing schedule", "## Final testing schedule", null, "## Final testing schedule"],
  ["## Cutover Weekend Plan", "## Switch-Over Weekend Plan", "## Switch-Over Weekend Plan", null, "## Switch-Over Weekend Plan"],
  ["The cutover starts at 1 a.m. on Saturday.", "The switch-over starts at 1 a.m. on Saturday.", "The switch-over starts at 1 a.m. on Saturday.", null, "The switch-over starts at 1 a.m. on Saturday."],
  ["We finish the cutover by 5 a.m.", "We finish the switch-over by 5 a.m.", "We finish the switch-over by 5 a.m.", null, "We finish the switch-over by 5 a.m."],
  ["During cutover, use paper orders.", "During the switch-over, use paper orders.", "During the switch-over, use paper orders.", null, "During the switch-over, use paper orders."],
  ["Our cutover plan is in the shared folder.", "Our switch-over plan is in the shared folder.", "Our switch-over plan is in the shared folder.", null, "Our switch-over plan is in the shared folder."],
  ["See [the cutover plan](https://intranet.example/cutover) for times.", "See [the switch-over plan](https://intranet.example/cutover) for times.", "See [the switch-over plan](https://intranet.example/cutover) for times.", null, "See [the switch-over plan](https://intranet.example/cutover) for times."],
  ["The **cutover** is on Saturday.", "The **switch-over** is on Saturday.", "The **switch-over** is on Saturday.", null, "The **switch-over** is on Saturday."],
  ["An RTO is the target time to restore a system.", KEEP, KEEP, null, KEEP],
  ["The RTO for the lab system is four hours.", "The recovery time target for the lab system is four hours.", "The recovery time target for the lab system is four hours.", null, "The recovery time target for the lab system is four hours."],
  ["RTOs differ for each system.", "Recovery time targets differ for each system.", "Recovery time targets differ for each system.", null, "Recovery time targets differ for each system."],
  ["Check the RTO's owner before the drill.", "Check the recovery time target's owner before the drill.", "Check the recovery time target's owner before the drill.", null, "Check the recovery time target's owner before the drill."],
  ["The RPO for the chart is fifteen minutes.", "The data loss limit for the chart is fifteen minutes.", "The data loss limit for the chart is fifteen minutes.", null, "The data loss limit for the chart is fifteen minutes."],
  ["Failover takes about two minutes.", "The switch-over takes about two minutes.", "The switch-over takes about two minutes.", null, "The switch-over takes about two minutes."],
  ["After the failover, log in again.", "After the switch-over, log in again.", "After the switch-over, log in again.", null, "After the switch-over, log in again."],
  ["The failover test went well.", "The switch-over test went well.", "The switch-over test went well.", null, "The switch-over test went well."],
  ["Failback happens on Sunday night.", "The switch back happens on Sunday night.", "The switch back happens on Sunday night.", null, "The switch back happens on Sunday night."],
  ["The interface engine restarts at midnight.", "The data hub restarts at midnight.", "The data hub restarts at midnight.", null, "The link between our systems restarts at midnight."],
  ["An interface engine outage delays lab results.", "A data hub outage delays lab results.", "A data hub outage delays lab results.", null, KEEP],
  ["The HL7 feed to the pharmacy pauses during the upgrade.", "The data feed to the pharmacy pauses during the upgrade.", "The data feed to the pharmacy pauses during the upgrade.", null, "The data feed to the pharmacy pauses during the upgrade."],
  ["HL7 messages queue until the system is back.", "Standard data messages queue until the system is back.", "Standard data messages queue until the system is back.", null, "Standard data messages queue until the system is back."],
  ["Use MFA when you sign in from home.", "Use the second login step when you sign in from home.", null, null, KEEP],
  ["MFA prompts come to your phone.", "Two-step prompts come to your phone.", null, null, "Two-step prompts come to your phone."],
  ["Set up MFA before Friday.", "Set up the second login step before Friday.", null, null, "Set up two-step sign-in before Friday."],
  ["Log in with SSO at any workstation.", "Log in with badge-tap sign-in at any workstation.", "Log in with one-step sign-in at any workstation.", null, "Log in with one-step sign-in at any workstation."],
  ["The eMAR shows every dose due.", null, "The electronic medicine record shows every dose due.", null, "The electronic medicine record shows every dose due."],
  ["Scan with BCMA before each dose.", null, KEEP, null, KEEP],
  ["BCMA compliance fell last month.", null, "Bedside barcode compliance fell last month.", null, "Bedside barcode compliance fell last month."],
  ["CPOE goes live on the medical wards first.", null, "Electronic ordering goes live on the medical wards first.", "Electronic ordering goes live on the medical wards first.", "Electronic ordering goes live on the medical wards first."],
  ["Enter orders in CPOE as usual.", null, KEEP, KEEP, KEEP],
  ["Order sets for sepsis are ready.", null, "Standard order bundles for sepsis are ready.", null, "Standard order bundles for sepsis are ready."],
  ["The new order set is in the chart.", null, "The new standard order bundle is in the chart.", null, "The new standard order bundle is in the chart."],
  ["We reviewed 40 order sets this month.", null, "We reviewed 40 standard order bundles this month.", null, "We reviewed 40 standard order bundles this month."],
  ["Alert fatigue is a safety risk.", null, "Alert overload is a safety risk.", null, "Alert overload is a safety risk."],
  ["The CAB approved the change on Tuesday.", KEEP, KEEP, null, KEEP],
  ["CAB approval is needed for every change.", KEEP, KEEP, null, KEEP],
  ["Super users will be on every unit.", null, null, null, "Trained staff helpers will be on every unit."],
  ["A super user can answer most questions.", null, null, null, "A trained staff helper can answer most questions."],
  ["At-the-elbow support runs for two weeks.", null, "In-person help runs for two weeks.", null, "In-person help runs for two weeks."],
  ["The downtime viewer shows recent results.", null, "The read-only chart shows recent results.", null, "The read-only chart shows recent results."],
  ["Use the BCA to print the medication list.", null, "Use the backup computer to print the medication list.", null, "Use the backup computer to print the medication list."],
  ["Each unit has a BCA computer.", null, "Each unit has a backup computer.", null, "Each unit has a backup computer."],
  ["The revenue cycle team tracks denials.", "The billing team tracks denials.", null, "The revenue cycle team tracks refused claims.", "The billing team tracks denials."],
  ["Revenue cycle staff will call you.", "Billing staff will call you.", null, null, "Billing staff will call you."],
  ["DNFB rose after the go-live.", "Unbilled discharges rose after the go-live.", null, "Unbilled discharges rose after the go-live.", "Unbilled discharges rose after the go-live."],
  ["The data migration moved seven years of records.", null, null, null, "The data transfer moved seven years of records."],
  ["The rollback plan is ready if needed.", "The undo plan is ready if needed.", "The undo plan is ready if needed.", null, "The switch-back plan is ready if needed."],
  ["A rollback takes an hour.", "An undo takes an hour.", "An undo takes an hour.", null, "A return to the old system takes an hour."],
  ["Install the patch tonight.", null, null, null, null],
  ["Production is down for ten minutes.", null, null, null, null],
  ["Citrix is slow this morning.", null, null, null, "The remote sign-in window is slow this morning."],
  ["The FHIR API is ready for the patient app.", KEEP, KEEP, null, KEEP],
  ["Tier 2 will call you back.", null, null, null, null],
  ["A Sev 1 incident was declared at 9 a.m.", "A top-priority incident was declared at 9 a.m.", "A top-priority incident was declared at 9 a.m.", null, "A top-priority incident was declared at 9 a.m."],
  ["The bridge call stays open until the fix.", "The IT team's call stays open until the fix.", "The IT team's call stays open until the fix.", null, "The IT team's call stays open until the fix."],
  ["The EDR tool isolated two computers.", "The security tool isolated two computers.", "The security tool isolated two computers.", null, "The security tool isolated two computers."],
  ["Report phishing to the service desk.", null, null, null, "Report scam emails to the service desk."],
  ["CPOE training starts next week.", null, "Order-entry training starts next week.", "Order-entry training starts next week.", "Order-entry training starts next week."],
  ["The production server restarts at noon.", "The live server restarts at noon.", "The live server restarts at noon.", null, "The live server restarts at noon."],
  ["The critical value callback must happen within an hour.", null, KEEP, KEEP, KEEP],
  ["HL7 results reach the chart in seconds.", KEEP, KEEP, null, KEEP],
  ["The integrated testing schedule is attached.", "The cross-system testing schedule is attached.", "The cross-system testing schedule is attached.", null, "The cross-system testing schedule is attached."],
  ["The rapid response team arrived in two minutes.", null, KEEP, KEEP, KEEP],
  ["The EDR agent runs on every computer.", "The security agent runs on every computer.", "The security agent runs on every computer.", null, "The security agent runs on every computer."],
  ["The HL7 interface engine restarts at midnight.", KEEP, KEEP, null, KEEP],
  ["UAT testers meet on Monday.", KEEP, KEEP, null, KEEP],
  ["MFA codes expire after ten minutes.", "Two-step codes expire after ten minutes.", null, null, "Two-step codes expire after ten minutes."],
  ["Take your BID pills as usual.", null, KEEP, KEEP, "Take your twice-a-day pills as usual."],
  ["Your PII was not part of it.", KEEP, null, null, "Your personal information was not part of it."],
  ["Your PHI may have been exposed.", null, null, null, "Your health information may have been exposed."],
  ["The OCR will review our report.", KEEP, null, KEEP, "The federal health privacy office will review our report."],
  ["You can see your results in the EHR after you go home.", null, null, null, "You can see your results in the health record system after you go home."],
  ["Take your PRN pain pills only if you need them.", null, "Take your as-needed pain pills only if you need them.", "Take your as-needed pain pills only if you need them.", "Take your as-needed pain pills only if you need them."],
  ["A nurse will help you ambulate in the hall.", null, KEEP, KEEP, "A nurse will help you walk in the hall."],
  ["Your EOB will arrive by mail.", KEEP, null, KEEP, "Your insurance statement will arrive by mail."],
  ["The payer must approve the scan first.", null, null, "The insurer must approve the scan first.", "The insurance company must approve the scan first."],
  ["Read our NPP to learn your rights.", KEEP, null, KEEP, "Read our privacy notice to learn your rights."],
  ["A business associate of the hospital was hacked.", KEEP, null, KEEP, "A partner company of the hospital was hacked."],
  ["After surgery you go to the PACU.", null, KEEP, KEEP, "After surgery you go to the recovery room."],
  ["Your MRN is on your wristband.", null, null, null, "Your patient ID number is on your wristband."],
  ["The go-live date for the new portal is May 1.", null, null, null, "The launch date for the new portal is May 1."],
  ["Phishing emails may ask for your password.", null, null, null, "Scam emails may ask for your password."],
  ["Clear your browser cache and sign in again.", KEEP, KEEP, null, "Clear your browser's saved files and sign in again."],
  ["The SMS code expires in ten minutes.", KEEP, KEEP, null, "The text message code expires in ten minutes."],
  ["Set up MFA for the patient portal.", "Set up the second login step for the patient portal.", null, null, "Set up two-step sign-in for the patient portal."],
  ["We send the code by SMS text.", KEEP, KEEP, null, KEEP],
];

function firstJargon(sentence: string, audience: AudienceId) {
  const text = `---\naudience: ${audience}\n---\n\n${sentence}\n`;
  const finding = lint(text).findings.find((f) => f.ruleId === 'jargon');
  return { text, finding };
}

test('the table holds at least 60 sentences, and the issue\'s six examples', () => {
  assert.ok(TABLE.length >= 60, `${TABLE.length} sentences`);
  // Patients, the audience the plainest words are for, get a replacement in most rows.
  const forPatients = TABLE.filter((r) => typeof r[4] === 'string' && r[4] !== KEEP).length;
  assert.ok(forPatients >= 60, `${forPatients} rows with a replacement for patients`);
  for (const s of ['UAT sign-off is complete.', 'The HL7 interface engine applies an urgent fix.', 'We will test failover to the backup data center.', '**BCMA** scanning rates rose on every unit.', 'The CPOE order sets currently generate excessive alert fatigue.']) {
    assert.ok(TABLE.some(([t]) => t === s), s);
  }
  assert.ok(TABLE.some(([t]) => t.startsWith('An RTO of four hours')));
});

for (const [sentence, ...expected] of TABLE) {
  test(`in place: ${sentence}`, () => {
    AUDIENCES.forEach((audience, i) => {
      const want = expected[i];
      const { text, finding } = firstJargon(sentence, audience);
      if (want === null) {
        assert.equal(finding, undefined, `${audience}: no jargon finding`);
        return;
      }
      assert.ok(finding, `${audience}: a jargon finding`);
      const fix = finding.fixes.find((f) => f.kind === 'replace');
      if (want === KEEP) {
        assert.equal(fix, undefined, `${audience}: no replacement offered, got ${fix?.title}`);
        return;
      }
      assert.ok(fix, `${audience}: a replacement for "${sentence}"`);
      assert.equal(fix.safe, false, 'a rewording is never applied unattended');
      const result = applyFixes(text, [fix]);
      assert.equal(result.slice(text.indexOf(sentence)).trimEnd(), want, `${audience}: ${fix.title}`);
      // The title shows the sentence as it will read (its prose, without markup).
      const prose = want.replace(/^#+ /, '').replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
      assert.ok(fix.title.endsWith(`: "${prose}"`), `${audience}: title "${fix.title}" shows "${prose}"`);
    });
  });
}

test('in place: "The HL7 interface engine": HL7 as a modifier gets no replacement, and the second term reads as English', () => {
  for (const audience of ['clinical', 'admin', 'patients'] as AudienceId[]) {
    const text = `---\naudience: ${audience}\n---\n\nThe HL7 interface engine applies an urgent fix.\n`;
    const jargon = lint(text).findings.filter((f) => f.ruleId === 'jargon');
    assert.equal(jargon.find((f) => f.term === 'HL7')?.fixes.find((f) => f.kind === 'replace'), undefined, `${audience}: no clumsy modifier for HL7`);
    const fix = jargon.find((f) => f.term === 'interface engine')?.fixes.find((f) => f.kind === 'replace');
    if (audience === 'patients') continue; // the patients' wording has no modifier form
    assert.ok(fix, `${audience}: a replacement for "interface engine"`);
    assert.equal(applyFixes(text, [fix]).slice(text.indexOf('The HL7')).trimEnd(), 'The HL7 data hub applies an urgent fix.');
  }
});

test('in place: a term used as a modifier takes the first modifier form that fits beside its noun', () => {
  // CPOE: "order-entry", then "electronic" where "order-entry order sets" would double a word.
  const cases: [string, string][] = [['CPOE training starts next week.', 'Order-entry training starts next week.'], ['The CPOE order sets are ready.', 'The electronic order sets are ready.']];
  for (const [sentence, want] of cases) {
    const text = `---\naudience: admin\n---\n\n${sentence}\n`;
    const fix = lint(text).findings.find((f) => f.ruleId === 'jargon')?.fixes.find((f) => f.kind === 'replace');
    assert.ok(fix, sentence);
    assert.equal(applyFixes(text, [fix]).slice(text.indexOf('\n\n') + 2).trimEnd(), want);
  }
});

test('in place: every modifier form in data/in-place/ reads as a modifier: no noun article, no doubled word', async () => {
  const { inPlaceTable } = await import('../../src/core/in-place');
  const problems: string[] = [];
  for (const [key, data] of inPlaceTable()) {
    const forms = [data, ...Object.values(data).filter((v): v is { modifier?: unknown } => typeof v === 'object' && v !== null)]
      .flatMap((d) => (d.modifier === undefined ? [] : typeof d.modifier === 'string' ? [d.modifier] : (d.modifier as string[])));
    for (const form of forms) {
      if (/^(?:the|a|an)\s/i.test(form)) problems.push(`${key}: modifier "${form}" starts with an article`);
      const words = form.toLowerCase().split(/[\s-]+/);
      if (new Set(words).size !== words.length) problems.push(`${key}: modifier "${form}" repeats a word`);
    }
  }
  assert.deepEqual(problems, []);
});

/**
 * Fixes on real sentences, exactly as they read after the first "Replace with" (issue 11): verb
 * phrases in the writer's inflection (`plain_verb` in data/glossary/FORMAT.md), a wording's own
 * article outside the markup when the term was the whole of a bold, linked or tagged text, an
 * acronym inside a longer flagged term fixed by the term's one finding, with capitals, plurals,
 * possessives and a/an. `null`: a finding, but no replacement (the tense cannot be told, or the
 * words are the term's noun with no wording).
 */
const FIXED: [audience: AudienceId, sentence: string, fixed: string | null][] = [
  // Verb phrases: the plain verb in the form the writer used, the object pronoun in place.
  ['admin', 'We will cut over the lab feed to the new system on Saturday.', 'We will switch over the lab feed to the new system on Saturday.'],
  ['admin', 'The team cuts over the legacy system at midnight.', 'The team switches over the legacy system at midnight.'],
  ['admin', 'We are cutting over the lab feed from the legacy engine.', 'We are switching over the lab feed from the legacy engine.'],
  ['admin', 'Once the new system is ready we will cut them over.', 'Once the new system is ready we will switch them over.'],
  ['admin', 'The lab feed was cut over to the new system.', 'The lab feed was switched over to the new system.'],
  ['admin', 'We have cut over the legacy system.', 'We have switched over the legacy system.'],
  ["admin", "We won't cut over the legacy system until Monday.", "We won't switch over the legacy system until Monday."],
  ['admin', 'Cut over the lab feed to the new system at 02:00.', 'Switch over the lab feed to the new system at 02:00.'],
  ['admin', 'Cutting over the legacy system takes an hour.', 'Switching over the legacy system takes an hour.'],
  ['admin', '## Cutting Over the Legacy System', '## Switching Over the Legacy System'],
  // "cut" is present and past: after "we" nothing tells which, so no tense is guessed.
  ['admin', 'We cut over the old system last weekend.', null],
  ['admin', 'Once the new system is ready we cut them over.', null],
  ['clinical', 'IT will bounce the interface server at noon.', 'IT will restart the interface server at noon.'],
  ['clinical', 'IT bounced the interface server at noon.', 'IT restarted the interface server at noon.'],
  ['clinical', 'IT spun up a new server tonight.', 'IT set up a new server tonight.'],
  ['clinical', 'We will spin it up tonight on the new cloud.', 'We will set it up tonight on the new cloud.'],
  ['clinical', 'IT will sunset the legacy app next month.', 'IT will retire the legacy app next month.'],
  ['clinical', 'Please power cycle the printer.', 'Please restart the printer.'],
  ['clinical', 'Power cycle the printer.', 'Restart the printer.'],
  ['clinical', 'The payer carved out implants from the contract.', 'The payer separated out implants from the contract.'],
  ['clinical', 'Sunset the legacy app in May.', 'Retire the legacy app in May.'],
  ['clinical', 'Bounce the interface server if it hangs.', 'Restart the interface server if it hangs.'],
  // After "and" the tense is the earlier verb's, which is not looked for: no guess.
  ['admin', 'We will stop the feed and cut over the legacy system.', null],
  // The same words as the term's noun: no verb wording, and these terms have no noun wording.
  ['clinical', 'A power cycle of the printer fixes it.', null],
  ['clinical', 'The sunset of the legacy app is next month.', null],
  // At a sentence start, with no object after it, it is the noun: never "Retire of the app".
  ['clinical', 'Sunset of the legacy app is planned for May.', null],
  ['clinical', 'Power cycle fixes most printer faults on the unit.', null],
  // A wording's own article before the markup the term stood in, never doubled.
  ['admin', 'Check **MAR** before each dose.', 'Check the **medicine record** before each dose.'],
  ['admin', 'Check the **MAR** before each dose.', 'Check the **medicine record** before each dose.'],
  ['admin', '**MAR** shows every dose.', 'The **medicine record** shows every dose.'],
  ['admin', 'Check [MAR](https://intranet.example/mar) before each dose.', 'Check the [medicine record](https://intranet.example/mar) before each dose.'],
  ['admin', 'Check the [MAR](https://intranet.example/mar) before each dose.', 'Check the [medicine record](https://intranet.example/mar) before each dose.'],
  ['admin', 'Check the <b>MAR</b> before each dose.', 'Check the <b>medicine record</b> before each dose.'],
  ['admin', '<b>MAR</b> shows every dose.', 'The <b>medicine record</b> shows every dose.'],
  ['admin', 'Open [**MAR**](https://intranet.example/mar) now.', 'Open the [**medicine record**](https://intranet.example/mar) now.'],
  ['admin', '- **MAR** shows every dose.', '- The **medicine record** shows every dose.'],
  ['admin', '## **MAR** is down', '## The **medicine record** is down'],
  ['admin', '| Record | Use |\n| --- | --- |\n| **MAR** | every dose |', '| Record | Use |\n| --- | --- |\n| The **medicine record** | every dose |'],
  // The term is only part of the bold text: the article stays with it, inside.
  ['admin', '**Check MAR** before each dose.', '**Check the medicine record** before each dose.'],
  ['admin', 'Open **MARs** for each unit.', 'Open **medicine records** for each unit.'],
  ["admin", "Check the **MAR's** last entry.", "Check the **medicine record's** last entry."],
  ["admin", "**MAR's** history is kept for a year.", "The **medicine record's** history is kept for a year."],
  ['clinical', 'After **failover**, log in again.', 'After the **switch-over**, log in again.'],
  ['clinical', '**Failover** takes about two minutes.', 'The **switch-over** takes about two minutes.'],
  // a/an agrees with the new first word, in and out of markup.
  ['clinical', 'An HL7 feed sends results to the lab.', 'A data feed sends results to the lab.'],
  ['clinical', 'An **HL7 feed** sends results to the lab.', 'A **data feed** sends results to the lab.'],
  ['clinical', 'We set up an [HL7 feed](https://intranet.example/feed) for the lab.', 'We set up a [data feed](https://intranet.example/feed) for the lab.'],
  // An acronym inside a longer flagged term: one finding, whose fix rewords both.
  ['admin', 'Renew the TLS certificate before Friday.', 'Renew the security certificate before Friday.'],
  ['admin', 'TLS certificates expire every year.', 'Security certificates expire every year.'],
];

for (const [audience, sentence, fixed] of FIXED) {
  test(`fixed sentence (${audience}): ${sentence}`, () => {
    const text = `---\naudience: ${audience}\n---\n\n${sentence}\n`;
    const findings = lint(text).findings.filter((f) => f.ruleId === 'jargon' || f.ruleId === 'undefined-acronym');
    assert.equal(findings.length, 1, `one finding at one place: ${findings.map((f) => `${f.ruleId} ${f.term}`).join(', ')}`);
    const [finding] = findings;
    assert.equal(finding.ruleId, 'jargon');
    const fix = finding.fixes.find((f) => f.kind === 'replace');
    if (fixed === null) {
      assert.equal(fix, undefined, `no replacement, got ${fix?.title}`);
      return;
    }
    assert.ok(fix, `a replacement for "${sentence}"`);
    assert.equal(fix.safe, false, 'a rewording is never applied unattended');
    const result = applyFixes(text, [fix]);
    assert.equal(result.slice(text.indexOf(sentence)).trimEnd(), fixed, fix.title);
    // The title shows the sentence as it will read, without its markup.
    const prose = fixed.replace(/^[^\n]*\n[^\n]*\n\| ([^|]*?) \|.*$/s, '$1').replace(/^(?:#+|-) /, '').replace(/\*\*/g, '').replace(/<\/?b>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    assert.ok(fix.title.endsWith(`: "${prose}"`), `title "${fix.title}" shows "${prose}"`);
    // The fix clears the finding, and raises no undefined-acronym where it wrote.
    const again = lint(result).findings.filter((f) => f.ruleId === 'jargon' || f.ruleId === 'undefined-acronym');
    assert.deepEqual(again.map((f) => `${f.ruleId} ${f.term}`), [], 'nothing left to flag');
  });
}

test('"Replace all" writes each use of a verb phrase in its own inflection', () => {
  const text = '---\naudience: admin\n---\n\nThe team will cut over the legacy system on Saturday.\n\nThe team cuts over the new system on Sunday, cutting over the lab feed last.\n';
  const finding = lint(text).findings.find((f) => f.ruleId === 'jargon' && f.term === 'cutover');
  const all = finding?.fixes.find((f) => f.kind === 'replace' && f.title.startsWith('Replace all'));
  assert.ok(all, finding?.fixes.map((f) => f.title).join(' | '));
  assert.equal(applyFixes(text, [all]).slice(text.indexOf('The team')), 'The team will switch over the legacy system on Saturday.\n\nThe team switches over the new system on Sunday, switching over the lab feed last.\n');
});

test('a team glossary\'s verb phrase takes its plain_verb; with none, its verb uses get no replacement', () => {
  const glossary = (plainVerb: string) => [
    'version: 1',
    'sources:',
    '  ward: {title: "Ward 4 West handbook", url: "https://example.org/handbook"}',
    'terms:',
    '  - term: specimen tubing',
    '    verbs: ["tube"]',
    ...(plainVerb ? [`    plain_verb: ${plainVerb}`] : []),
    '    context: ["specimen", "specimens", "lab", "sample", "samples"]',
    '    domain: clinical',
    '    familiar_to: [clinical]',
    '    definition: "The tube system that carries specimens and medicines between units."',
    '    plain: "the tube system"',
    '    replace: {admin: "the tube system"}',
    '    severity: warning',
    '    sources: [ward]',
  ].join('\n') + '\n';
  const text = 'The nurse tubed the specimens to the lab.\n';
  const fixOf = (g: string) => createLinter({ audience: 'admin', glossaries: [{ name: 'team.yaml', text: g }] }).lint(text).findings.find((f) => f.ruleId === 'jargon')?.fixes.find((f) => f.kind === 'replace');
  const fix = fixOf(glossary('send'));
  assert.ok(fix);
  assert.equal(applyFixes(text, [fix]), 'The nurse sent the specimens to the lab.\n');
  assert.equal(fixOf(glossary('')), undefined);
});

/**
 * The sentence table of issue 12: sentences from the field's messages (term as subject, object,
 * modifier, in a heading, bold, linked, plural, possessive, at a sentence start), each with the
 * exact text the first "Replace with" fix of the jargon finding writes, for each audience.
 * `null`: no jargon finding for that audience (the term is familiar to it). `KEEP`: no
 * replacement is offered (no wording fits there, or it would make the sentence hard or long),
 * only the spell-out (for acronyms) and the hover's explanation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, applyFixes, type AudienceId } from '../../src/index';

const KEEP = 'keep';
type Expected = string | null | typeof KEEP;
const AUDIENCES: AudienceId[] = ['clinical', 'admin', 'it'];

const TABLE: [sentence: string, clinical: Expected, admin: Expected, it: Expected][] = [
  ["UAT sign-off is complete.", "Final-testing sign-off is complete.", "Final-testing sign-off is complete.", null],
  ["The HL7 interface engine applies an urgent fix.", "The standard-message interface engine applies an urgent fix.", "The standard-message interface engine applies an urgent fix.", null],
  ["An RTO of four hours applies to the lab system.", "A recovery time target of four hours applies to the lab system.", "A recovery time target of four hours applies to the lab system.", null],
  ["We will test failover to the backup data center.", "We will test the switch-over to the backup data center.", "We will test the switch-over to the backup data center.", null],
  ["**BCMA** scanning rates rose on every unit.", null, "**Bedside barcode** scanning rates rose on every unit.", null],
  ["The CPOE order sets currently generate excessive alert fatigue.", null, "The electronic order sets currently generate excessive alert fatigue.", "The electronic order sets currently generate excessive alert fatigue."],
  ["UAT starts Monday in the training room.", "Final testing starts Monday in the training room.", "Final testing starts Monday in the training room.", null],
  ["Staff join UAT on Tuesday.", "Staff join final testing on Tuesday.", "Staff join final testing on Tuesday.", null],
  ["UATs run every Friday.", "Final test rounds run every Friday.", "Final test rounds run every Friday.", null],
  ["The UAT team meets at noon.", "The final-testing team meets at noon.", "The final-testing team meets at noon.", null],
  ["## UAT schedule", "## Final-testing schedule", "## Final-testing schedule", null],
  ["## Cutover Weekend Plan", "## Switch-Over Weekend Plan", "## Switch-Over Weekend Plan", null],
  ["The cutover starts at 1 a.m. on Saturday.", "The switch-over starts at 1 a.m. on Saturday.", "The switch-over starts at 1 a.m. on Saturday.", null],
  ["We finish the cutover by 5 a.m.", "We finish the switch-over by 5 a.m.", "We finish the switch-over by 5 a.m.", null],
  ["During cutover, use paper orders.", "During the switch-over, use paper orders.", "During the switch-over, use paper orders.", null],
  ["Our cutover plan is in the shared folder.", "Our switch-over plan is in the shared folder.", "Our switch-over plan is in the shared folder.", null],
  ["See [the cutover plan](https://intranet.example/cutover) for times.", "See [the switch-over plan](https://intranet.example/cutover) for times.", "See [the switch-over plan](https://intranet.example/cutover) for times.", null],
  ["The **cutover** is on Saturday.", "The **switch-over** is on Saturday.", "The **switch-over** is on Saturday.", null],
  ["An RTO is the target time to restore a system.", KEEP, KEEP, null],
  ["The RTO for the lab system is four hours.", "The recovery time target for the lab system is four hours.", "The recovery time target for the lab system is four hours.", null],
  ["RTOs differ for each system.", "The recovery time targets differ for each system.", "The recovery time targets differ for each system.", null],
  ["Check the RTO's owner before the drill.", "Check the recovery time target's owner before the drill.", "Check the recovery time target's owner before the drill.", null],
  ["The RPO for the chart is fifteen minutes.", "The data loss limit for the chart is fifteen minutes.", "The data loss limit for the chart is fifteen minutes.", null],
  ["Failover takes about two minutes.", "The switch-over takes about two minutes.", "The switch-over takes about two minutes.", null],
  ["After the failover, log in again.", "After the switch-over, log in again.", "After the switch-over, log in again.", null],
  ["The failover test went well.", "The switch-over test went well.", "The switch-over test went well.", null],
  ["Failback happens on Sunday night.", "The switch back happens on Sunday night.", "The switch back happens on Sunday night.", null],
  ["The interface engine restarts at midnight.", "The data hub restarts at midnight.", "The data hub restarts at midnight.", null],
  ["An interface engine outage delays lab results.", "A data-hub outage delays lab results.", "A data-hub outage delays lab results.", null],
  ["The HL7 feed to the pharmacy pauses during the upgrade.", "The data feed to the pharmacy pauses during the upgrade.", "The data feed to the pharmacy pauses during the upgrade.", null],
  ["HL7 messages queue until the system is back.", "Standard data messages queue until the system is back.", "Standard data messages queue until the system is back.", null],
  ["Use MFA when you sign in from home.", "Use the second login step when you sign in from home.", null, null],
  ["MFA prompts come to your phone.", "Second-step prompts come to your phone.", null, null],
  ["Set up MFA before Friday.", "Set up the second login step before Friday.", null, null],
  ["Log in with SSO at any workstation.", "Log in with badge-tap sign-in at any workstation.", "Log in with one-step sign-in at any workstation.", null],
  ["The eMAR shows every dose due.", null, "The electronic medicine record shows every dose due.", null],
  ["Scan with BCMA before each dose.", null, KEEP, null],
  ["BCMA compliance fell last month.", null, "Bedside barcode compliance fell last month.", null],
  ["CPOE goes live on the medical wards first.", null, "Electronic ordering goes live on the medical wards first.", "Electronic ordering goes live on the medical wards first."],
  ["Enter orders in CPOE as usual.", null, KEEP, KEEP],
  ["Order sets for sepsis are ready.", null, "Standard order bundles for sepsis are ready.", null],
  ["The new order set is in the chart.", null, "The new standard order bundle is in the chart.", null],
  ["We reviewed 40 order sets this month.", null, "We reviewed 40 standard order bundles this month.", null],
  ["Alert fatigue is a safety risk.", null, "Alert overload is a safety risk.", null],
  ["The CAB approved the change on Tuesday.", KEEP, KEEP, null],
  ["CAB approval is needed for every change.", KEEP, KEEP, null],
  ["Super users will be on every unit.", null, null, null],
  ["A super user can answer most questions.", null, null, null],
  ["At-the-elbow support runs for two weeks.", null, "In-person help runs for two weeks.", null],
  ["The downtime viewer shows recent results.", "The read-only chart shows recent results.", "The read-only chart shows recent results.", null],
  ["Use the BCA to print the medication list.", "Use the backup computer to print the medication list.", "Use the backup computer to print the medication list.", null],
  ["Each unit has a BCA computer.", "Each unit has a backup computer.", "Each unit has a backup computer.", null],
  ["The revenue cycle team tracks denials.", "The billing team tracks denials.", null, "The billing team tracks denials."],
  ["Revenue cycle staff will call you.", "Billing staff will call you.", null, "Billing staff will call you."],
  ["DNFB rose after the go-live.", "Unbilled discharges rose after the go-live.", null, "Unbilled discharges rose after the go-live."],
  ["The data migration moved seven years of records.", null, null, null],
  ["The rollback plan is ready if needed.", "The undo plan is ready if needed.", "The undo plan is ready if needed.", null],
  ["A rollback takes an hour.", "An undo takes an hour.", "An undo takes an hour.", null],
  ["Install the patch tonight.", null, null, null],
  ["Production is down for ten minutes.", null, null, null],
  ["Citrix is slow this morning.", null, "The remote sign-in window is slow this morning.", null],
  ["The FHIR API is ready for the patient app.", KEEP, KEEP, null],
  ["Tier 2 will call you back.", null, null, null],
  ["A Sev 1 incident was declared at 9 a.m.", "A top-priority incident was declared at 9 a.m.", "A top-priority incident was declared at 9 a.m.", null],
  ["The bridge call stays open until the fix.", "The IT team's call stays open until the fix.", "The IT team's call stays open until the fix.", null],
  ["The EDR tool isolated two computers.", "The security-software tool isolated two computers.", "The security-software tool isolated two computers.", null],
  ["Report phishing to the service desk.", null, null, null],
];

function firstJargon(sentence: string, audience: AudienceId) {
  const text = `---\naudience: ${audience}\n---\n\n${sentence}\n`;
  const finding = lint(text).findings.find((f) => f.ruleId === 'jargon');
  return { text, finding };
}

test('the table holds at least 60 sentences, and the issue\'s six examples', () => {
  assert.ok(TABLE.length >= 60, `${TABLE.length} sentences`);
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

test('in place: the second term of "The HL7 interface engine" reads as English too', () => {
  for (const audience of ['clinical', 'admin'] as AudienceId[]) {
    const text = `---\naudience: ${audience}\n---\n\nThe HL7 interface engine applies an urgent fix.\n`;
    const finding = lint(text).findings.find((f) => f.ruleId === 'jargon' && f.term === 'interface engine');
    const fix = finding?.fixes.find((f) => f.kind === 'replace');
    assert.ok(fix, `${audience}: a replacement for "interface engine"`);
    assert.equal(applyFixes(text, [fix]).slice(text.indexOf('The HL7')).trimEnd(), 'The HL7 data hub applies an urgent fix.');
  }
});

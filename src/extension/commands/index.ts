import * as vscode from 'vscode';
import { isDraft, type Checker } from '../checker';
import { log, recordTold, tell } from '../log';
import { addToGlossary } from './add-to-glossary';
import { checkWorkspace } from './check-workspace';
import { ignoreHere } from './ignore-here';
import { reviewGlossaryAdditions } from './review-glossary';
import { newFromTemplate } from './new-from-template';
import { disposeReports, exportReport, registerReportRestore, restoreReport, showReport } from './report';
import { rewriteForAudience } from './rewrite';
import { setAudience } from './set-audience';

/** Every command in the palette's Crosswalk category. */
export function registerCommands(context: vscode.ExtensionContext, checker: Checker): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('crosswalk.setAudience', (audience?: string | string[], uri?: vscode.Uri) => setAudience(checker, audience, uri)),
    // The language server's "Add to team glossary" action runs this (its URI comes as a string).
    vscode.commands.registerCommand('crosswalk.addToGlossary', async (draft: vscode.Uri | string, term: string, audience: string) => {
      const uri = typeof draft === 'string' ? vscode.Uri.parse(draft) : draft;
      const added = await addToGlossary(checker, uri, term, audience);
      if (added) {
        tell(`Added "${term}" to the team glossary ${vscode.workspace.asRelativePath(added.target)} as known to ${added.label} readers.`);
        checker.recheckAll();
      }
      return added?.target;
    }),
    vscode.commands.registerCommand('crosswalk.checkDocument', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a Markdown draft to check it.');
        return undefined;
      }
      const name = vscode.workspace.asRelativePath(document.uri);
      if (!isDraft(document)) {
        tell(`Crosswalk checks Markdown drafts: ${name} is not one (${document.languageId}).`, true);
        return undefined;
      }
      const result = await checker.current(document);
      const skipped = checker.skipped(document);
      if (result) {
        const n = result.findings;
        tell(`Crosswalk checked ${name}: ${n} finding${n === 1 ? '' : 's'}.`);
      } else if (skipped?.canOptIn) {
        const message = `Crosswalk does not check ${name}: ${skipped.reason}.`;
        log.info(message);
        void vscode.window.showInformationMessage(message, 'Check this file').then((choice) => {
          if (choice) void vscode.commands.executeCommand('crosswalk.checkThisFile', document.uri);
        });
        recordTold(message);
      } else if (skipped) {
        tell(`Crosswalk did not check ${name}: ${skipped.reason}.`, true);
      }
      return result;
    }),
    vscode.commands.registerCommand('crosswalk.checkThisFile', async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open the Markdown file Crosswalk should check.');
        return undefined;
      }
      const name = vscode.workspace.asRelativePath(document.uri);
      if (!isDraft(document)) {
        tell(`Crosswalk checks Markdown files only: ${name} is not one (${document.languageId}).`, true);
        return undefined;
      }
      const result = await checker.optIn(document);
      const skipped = checker.skipped(document);
      if (!result && skipped) {
        // Taken in, but not checkable now (too large, Crosswalk off): say why rather than "0 findings".
        tell(`Crosswalk will check ${name}, but did not check it now: ${skipped.reason}.`, true);
        return result;
      }
      const n = result?.findings ?? 0;
      tell(`Crosswalk now checks ${name}: ${n} finding${n === 1 ? '' : 's'}.`);
      return result;
    }),
    // Run by the "Ignore here" code action: the finding is named by rule and offsets in the draft as it is now.
    vscode.commands.registerCommand('crosswalk.ignoreHere', (uri: vscode.Uri, ruleId: string, start: number, end: number) => ignoreHere(checker, uri, ruleId, start, end)),
    vscode.commands.registerCommand('crosswalk.reviewGlossaryAdditions', (term?: unknown) => reviewGlossaryAdditions(checker, typeof term === 'string' ? term : undefined)),
    // Undoes "Check This File", or leaves out a draft the scope rules take in (an opt-out that Check This File takes back).
    vscode.commands.registerCommand('crosswalk.stopCheckingThisFile', async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open the Markdown file Crosswalk should stop checking.');
        return undefined;
      }
      const { wasOptedIn } = await checker.optOut(document);
      const name = vscode.workspace.asRelativePath(document.uri);
      tell(`Crosswalk no longer checks ${name}${wasOptedIn ? ' (Check This File undone)' : ''}; Crosswalk: Check This File takes it back.`);
      return wasOptedIn;
    }),
    vscode.commands.registerCommand('crosswalk.showLog', () => log.show()),
    // Run by code actions after their edit (Allow), so that no action is silent.
    vscode.commands.registerCommand('crosswalk.tell', (message: unknown) => {
      if (typeof message === 'string') tell(message);
    }),
    // Arguments (all optional, for keybindings and tests): a scenario or snippet name, then an
    // audience; or one object `{ scenario, audience }`, as a keybinding's `args` gives it.
    vscode.commands.registerCommand('crosswalk.newFromTemplate', (scenario?: unknown, audience?: unknown) => {
      if (scenario && typeof scenario === 'object' && !Array.isArray(scenario)) ({ scenario, audience } = scenario as { scenario?: unknown; audience?: unknown });
      return newFromTemplate(checker, context.extensionUri, typeof scenario === 'string' ? scenario : undefined, typeof audience === 'string' ? audience : undefined);
    }),
    // From an editor title or explorer menu the first argument is the draft's URI.
    vscode.commands.registerCommand('crosswalk.showReport', (uri?: vscode.Uri) => showReport(checker, uri instanceof vscode.Uri ? uri : undefined)),
    // Arguments (optional): the draft's URI, then the file to write; without them, the report in
    // front (or the active draft) and a save dialog.
    vscode.commands.registerCommand('crosswalk.exportReport', (uri?: unknown, target?: unknown) =>
      exportReport(checker, uri instanceof vscode.Uri ? uri : undefined, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('crosswalk.exportReportPdf', (uri?: unknown, target?: unknown) =>
      exportReport(checker, uri instanceof vscode.Uri ? uri : undefined, target instanceof vscode.Uri ? target : undefined, 'pdf')),
    registerReportRestore(context, checker),
    // What the serializer runs after a reload, reachable for tests: a panel of the report's view type in, the figures out.
    vscode.commands.registerCommand('crosswalk.restoreReport', (panel: vscode.WebviewPanel) => restoreReport(checker, panel)),
    vscode.commands.registerCommand('crosswalk.rewriteForAudience', (audience?: string, uri?: vscode.Uri) =>
      rewriteForAudience(checker, typeof audience === 'string' ? audience : undefined, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('crosswalk.checkWorkspace', () => checkWorkspace(checker)),
    { dispose: disposeReports },
  );
}

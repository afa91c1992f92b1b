import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { addToGlossary } from './add-to-glossary';
import { checkWorkspace } from './check-workspace';
import { newFromTemplate } from './new-from-template';
import { disposeReports, showReport } from './report';
import { rewriteForAudience } from './rewrite';
import { setAudience } from './set-audience';

/** Every command in the palette's Crosswalk category. */
export function registerCommands(context: vscode.ExtensionContext, checker: Checker): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('crosswalk.setAudience', (audience?: string | string[], uri?: vscode.Uri) => setAudience(audience, uri)),
    vscode.commands.registerCommand('crosswalk.addToGlossary', async (uri: vscode.Uri, term: string, audience: string) => {
      const target = await addToGlossary(uri, term, audience);
      if (target) checker.recheckAll();
      return target;
    }),
    vscode.commands.registerCommand('crosswalk.checkDocument', async () => {
      const document = vscode.window.activeTextEditor?.document;
      return document ? checker.check(document) : undefined;
    }),
    // Arguments (all optional, for keybindings and tests): a scenario or snippet name, then an
    // audience; or one object `{ scenario, audience }`, as a keybinding's `args` gives it.
    vscode.commands.registerCommand('crosswalk.newFromTemplate', (scenario?: unknown, audience?: unknown) => {
      if (scenario && typeof scenario === 'object' && !Array.isArray(scenario)) ({ scenario, audience } = scenario as { scenario?: unknown; audience?: unknown });
      return newFromTemplate(context.extensionUri, typeof scenario === 'string' ? scenario : undefined, typeof audience === 'string' ? audience : undefined);
    }),
    // From an editor title or explorer menu the first argument is the draft's URI.
    vscode.commands.registerCommand('crosswalk.showReport', (uri?: vscode.Uri) => showReport(checker, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('crosswalk.rewriteForAudience', (audience?: string, uri?: vscode.Uri) =>
      rewriteForAudience(checker, typeof audience === 'string' ? audience : undefined, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('crosswalk.checkWorkspace', () => checkWorkspace(checker)),
    { dispose: disposeReports },
  );
}

import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { addToGlossary } from './add-to-glossary';
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
  );
}

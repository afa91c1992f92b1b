import * as vscode from 'vscode';

/**
 * The "Crosswalk" output channel (a LogOutputChannel, so the user picks the level): config files
 * found, glossaries loaded, drafts skipped and problems, for a writer who asks why a term was or
 * was not flagged. The last lines are kept in memory too, so that the extension-host tests can
 * see what the channel was told (test/suite/status.test.ts).
 */
let channel: vscode.LogOutputChannel | undefined;
const recent: string[] = [];
const KEEP = 200;

function remember(line: string): void {
  recent.push(line);
  if (recent.length > KEEP) recent.splice(0, recent.length - KEEP);
}

function output(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Crosswalk', { log: true });
  return channel;
}

export const log = {
  info(message: string): void {
    remember(`info ${message}`);
    output().info(message);
  },
  warn(message: string): void {
    remember(`warning ${message}`);
    output().warn(message);
  },
  error(message: string): void {
    remember(`error ${message}`);
    output().error(message);
  },
  /** The lines logged since activation (at most the last 200), each prefixed by its level. */
  get lines(): readonly string[] {
    return recent;
  },
  show(): void {
    output().show(true);
  },
  /** The channel itself, for the language client's own lines (src/extension/client.ts). */
  channel(): vscode.LogOutputChannel {
    return output();
  },
  dispose(): void {
    channel?.dispose();
    channel = undefined;
  },
};

/** What the commands told the user, newest last, for tests (the workbench's messages are not readable from an extension). */
const told: string[] = [];

/**
 * Tells the user what a command did: a status bar message for a quiet outcome, a notification
 * when `notify` is set (an outcome the user should not miss). Logged too.
 */
export function tell(message: string, notify = false): void {
  recordTold(message);
  log.info(message);
  if (notify) void vscode.window.showInformationMessage(message);
  else vscode.window.setStatusBarMessage(`$(check) ${message}`, 8000);
}

/** Records a message a command shows its own way (a notification with buttons). */
export function recordTold(message: string): void {
  told.push(message);
  if (told.length > 50) told.shift();
}

export function toldMessages(): readonly string[] {
  return told;
}

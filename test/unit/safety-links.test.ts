// Symbolic links inside the workspace that lead outside it are not followed (issue 9): the CLI,
// the language server on Node and (test/suite/safety.test.ts) the extension resolve real paths
// through src/node/real-path.ts before they read or write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { runCli } from './run-cli';
import { nodeHost } from '../../src/server/node';
import { startServer } from '../../src/server/server';
import { realPath, realPathOutside } from '../../src/node/real-path';

const OUTSIDE_GLOSSARY = 'version: 1\nterms:\n  - term: UAT\n    familiar_to: [clinical, it, admin]\n';
const DRAFT = '---\naudience: clinical\n---\n\nUAT starts Monday.\n';

/** A workspace `ws/` beside an `outside/` folder standing in for the rest of the disk; links as given (name -> target). */
function tree(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-links-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  for (const [name, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(path.join(root, target), path.join(root, name));
  }
  return root;
}

const cli = runCli;

test('real paths: links resolved, a file not there yet resolved through its folder', async () => {
  const root = tree({ 'outside/keys': 'k' }, { 'ws/team.yaml': 'outside/keys', 'ws/linked': 'outside' });
  assert.equal(await realPath(path.join(root, 'ws/team.yaml')), path.join(root, 'outside/keys'));
  assert.equal(await realPath(path.join(root, 'ws/linked/new.yaml')), path.join(root, 'outside/new.yaml'));
  assert.equal(await realPathOutside(path.join(root, 'ws/linked/new.yaml'), [path.join(root, 'ws')]), path.join(root, 'outside/new.yaml'));
  assert.equal(await realPathOutside(path.join(root, 'ws/plain.yaml'), [path.join(root, 'ws')]), undefined);
});

test('CLI: a team glossary that is a link to a file outside the folder is not read, and the finding names where it leads', async () => {
  const root = tree({
    'outside/keys.yaml': OUTSIDE_GLOSSARY,
    'ws/.crosswalk.yaml': 'glossaries: [team.yaml]\n',
    'ws/notice.md': DRAFT,
  }, { 'ws/team.yaml': 'outside/keys.yaml' });
  const { out } = await cli(['check', '.'], path.join(root, 'ws'));
  assert.match(out, new RegExp(`^\\.crosswalk\\.yaml\\n\\s+1:\\d+\\s+warning\\s+Team glossary "team\\.yaml" is a symbolic link to ${path.join(root, 'outside/keys.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, outside the project folder`, 'm'));
  assert.match(out, /^notice\.md\n\s+5:1\s+warning\s+"UAT"/m, 'the outside glossary was not used');
});

test('CLI: a .crosswalk.yaml that is a link out of the folder is not read', async () => {
  const root = tree({
    'outside/config.yaml': 'glossaries: [keys.yaml]\nrules: {jargon: off}\n',
    'ws/notice.md': DRAFT,
  }, { 'ws/.crosswalk.yaml': 'outside/config.yaml' });
  const { out } = await cli(['check', '.'], path.join(root, 'ws'));
  assert.match(out, /\.crosswalk\.yaml is a symbolic link to .*outside\/config\.yaml, outside its folder and the workspace/);
  assert.match(out, /^notice\.md\n\s+5:1\s+warning\s+"UAT"/m, 'its rules: were not applied');
});

test('CLI: a draft or folder named on the command line that links out of the working folder is refused, naming where it leads', async () => {
  const root = tree({ 'outside/secret.md': 'UAT secret.\n', 'outside/more/a.md': 'UAT.\n', 'ws/notice.md': DRAFT }, { 'ws/link.md': 'outside/secret.md', 'ws/docs': 'outside/more' });
  const named = await cli(['check', 'link.md', 'notice.md'], path.join(root, 'ws'));
  assert.match(named.err, /skipped link\.md: it leads through a symbolic link to .*outside\/secret\.md, outside the working folder/);
  assert.doesNotMatch(named.out, /secret/);
  const folder = await cli(['check', 'docs'], path.join(root, 'ws'));
  assert.match(folder.err, /docs leads through a symbolic link to .*outside\/more, outside the working folder/);
  assert.equal(folder.code, 2);
});

test('language server: a linked glossary and a linked target for "Add to team glossary" are refused, nothing outside is read or written', async () => {
  const root = tree({
    'outside/keys.yaml': OUTSIDE_GLOSSARY,
    'ws/.crosswalk.yaml': 'glossaries: [team.yaml]\n',
  }, { 'ws/team.yaml': 'outside/keys.yaml' });
  const folder = pathToFileURL(path.join(root, 'ws')).href;
  const draftUri = `${folder}/notice.md`;
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, up, down);
  startServer(server, nodeHost);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiting: (() => void)[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p);
    for (const w of waiting.splice(0)) w();
  });
  const messages: string[] = [];
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('condition not met within 15 s');
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  try {
    await client.sendRequest('initialize', {
      processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      initializationOptions: { delay: 0 },
    });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    const configUri = `${folder}/.crosswalk.yaml`;
    await until(() => (published.get(configUri)?.diagnostics.length ?? 0) > 0 && published.has(draftUri));
    assert.match(published.get(configUri)?.diagnostics[0].message ?? '', /Team glossary "team\.yaml" is a symbolic link to .*outside\/keys\.yaml/);
    const jargon = published.get(draftUri)?.diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    assert.ok(jargon, 'UAT is still jargon: the outside glossary was not read');
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: draftUri }, range: jargon.range, context: { diagnostics: [jargon] } });
    const add = await client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Add "UAT"')));
    assert.equal(add.edit, undefined, 'no edit through the link');
    await until(() => messages.length > 0);
    assert.match(messages[0], /team\.yaml is a symbolic link to .*outside\/keys\.yaml, outside the workspace folder/);
    assert.equal(fs.readFileSync(path.join(root, 'outside/keys.yaml'), 'utf8'), OUTSIDE_GLOSSARY);
  } finally {
    client.dispose();
    server.dispose();
  }
});

test('language server: "Ignore here" does not write a .crosswalk.yaml that is a link out of the workspace folder', async () => {
  const OUTSIDE_CONFIG = '# not this project\'s\nrules:\n  jargon: off\n';
  const root = tree({ 'outside/config.yaml': OUTSIDE_CONFIG }, { 'ws/.crosswalk.yaml': 'outside/config.yaml' });
  const folder = pathToFileURL(path.join(root, 'ws')).href;
  const draftUri = `${folder}/notice.md`;
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, up, down);
  startServer(server, nodeHost);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published = new Map<string, PublishDiagnosticsParams>();
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.set(p.uri, p));
  const messages: string[] = [];
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  const until = async (what: string, condition: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what}: not within 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await client.sendRequest('initialize', {
      processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      initializationOptions: { delay: 0 },
    });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    await until('draft diagnostics', () => published.get(draftUri)?.diagnostics.some((d) => d.code === 'jargon') ?? false);
    const jargon = published.get(draftUri)?.diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: draftUri }, range: jargon.range, context: { diagnostics: [jargon] } });
    const ignore = actions.find((a) => a.title.startsWith('Ignore'));
    assert.ok(ignore, `an Ignore action among ${actions.map((a) => a.title).join(', ')}`);
    const resolved = await client.sendRequest<CodeAction>('codeAction/resolve', ignore);
    assert.equal(resolved.edit, undefined, 'no edit through the link');
    await until('a message', () => messages.length > 0);
    assert.match(messages[0], /\.crosswalk\.yaml is a symbolic link to .*outside\/config\.yaml, outside the workspace folder/);
    assert.equal(fs.readFileSync(path.join(root, 'outside/config.yaml'), 'utf8'), OUTSIDE_CONFIG);
  } finally {
    client.dispose();
    server.dispose();
  }
});

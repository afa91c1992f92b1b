// The web host's fence (issue 9): a browser language server cannot resolve real paths, but its
// client can see symbolic links (vscode.workspace.fs.stat gives FileType.SymbolicLink). A file
// reached through a link below the workspace folder is neither read nor written there, wherever
// the link leads: src/extension/symbolic-links.ts finds the link, src/server/server.ts refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer, type ServerHost } from '../../src/server/server';
import { firstSymbolicLink, SYMBOLIC_LINK } from '../../src/extension/symbolic-links';

const FILE = 1;
const DIRECTORY = 2;

test('the first symbolic link on a path below the workspace folder: the file itself, a folder above it, or none', async () => {
  const types: Record<string, number> = {
    '/ws/docs': DIRECTORY,
    '/ws/docs/plain.yaml': FILE,
    '/ws/team.yaml': FILE | SYMBOLIC_LINK,
    '/ws/linked': DIRECTORY | SYMBOLIC_LINK,
    '/ws/linked/keys.yaml': FILE,
  };
  const asked: string[] = [];
  const stat = async (p: string) => {
    asked.push(p);
    return types[p];
  };
  assert.equal(await firstSymbolicLink('/ws', '/ws/docs/plain.yaml', stat), undefined);
  assert.equal(await firstSymbolicLink('/ws/', '/ws/team.yaml', stat), '/ws/team.yaml');
  assert.equal(await firstSymbolicLink('/ws', '/ws/linked/keys.yaml', stat), '/ws/linked', 'a linked folder fences what is under it');
  assert.equal(await firstSymbolicLink('/ws', '/ws/linked/new/file.yaml', stat), '/ws/linked', 'a file to be created under a linked folder too');
  assert.equal(await firstSymbolicLink('/ws', '/ws/docs/new.yaml', stat), undefined, 'a file not there yet, under plain folders');
  asked.length = 0;
  assert.equal(await firstSymbolicLink('/ws', '/other/team.yaml', stat), undefined);
  assert.deepEqual(asked, [], 'nothing outside the folder is looked at');
});

const DRAFT = '---\naudience: clinical\n---\n\nUAT starts Monday.\n';
const GLOSSARY = 'version: 1\nterms:\n  - term: UAT\n    familiar_to: [clinical, it, admin]\n';

/** A language server with a browser's host: files by URI, and the paths its client reports as symbolic links. */
async function webServer(files: Record<string, string>, links: string[], settings: unknown = {}) {
  const read: string[] = [];
  const host: ServerHost = {
    async readFile(uri) {
      read.push(uri);
      return files[uri];
    },
    async linkOnPath(uri) {
      const p = decodeURIComponent(new URL(uri).pathname);
      return links.find((link) => p === link || p.startsWith(`${link}/`));
    },
  };
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, up, down);
  startServer(server, host);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published = new Map<string, PublishDiagnosticsParams>();
  const messages: string[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.set(p.uri, p));
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onRequest('workspace/configuration', () => [settings]);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  const until = async (what: string, condition: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what}: not within 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await client.sendRequest('initialize', {
    processId: null, rootUri: 'file:///ws', workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
    initializationOptions: { delay: 0 },
  });
  await client.sendNotification('initialized', {});
  const dispose = () => {
    client.dispose();
    server.dispose();
  };
  return { client, published, messages, read, until, dispose };
}

test('browser language server: a team glossary reached through a symbolic link is refused at its line and not read; "Add to team glossary" writes nothing through it', async () => {
  const s = await webServer({ 'file:///ws/.crosswalk.yaml': 'glossaries: [team.yaml]\n', 'file:///ws/team.yaml': GLOSSARY }, ['/ws/team.yaml']);
  try {
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ws/notice.md', languageId: 'markdown', version: 1, text: DRAFT } });
    await s.until('config finding and draft diagnostics', () => (s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics.length ?? 0) > 0 && s.published.has('file:///ws/notice.md'));
    const finding = s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics[0];
    assert.match(finding?.message ?? '', /^Team glossary "team\.yaml": \/ws\/team\.yaml is reached through the symbolic link team\.yaml; in the browser Crosswalk cannot tell where a link leads/);
    assert.equal(finding?.range.start.line, 0, 'at the line that names it');
    assert.ok(!s.read.includes('file:///ws/team.yaml'), 'the linked glossary is never read');
    const jargon = s.published.get('file:///ws/notice.md')?.diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    assert.ok(jargon, 'UAT is still jargon: the linked glossary was not used');
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: 'file:///ws/notice.md' }, range: jargon.range, context: { diagnostics: [jargon] } });
    const add = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions.find((a) => a.title.startsWith('Add "UAT"')));
    assert.equal(add.edit, undefined, 'no edit through the link');
    await s.until('a message', () => s.messages.length > 0);
    assert.match(s.messages[0], /\/ws\/team\.yaml is reached through the symbolic link team\.yaml/);
  } finally {
    s.dispose();
  }
});

test('browser language server: the refusal stands at the line of glossaries: that names the linked file, not at a comment that mentions it', async () => {
  const config = '# team.yaml is a link to the shared drive\nglossaries:\n  - "team.yaml"\n';
  const s = await webServer({ 'file:///ws/.crosswalk.yaml': config, 'file:///ws/team.yaml': GLOSSARY }, ['/ws/team.yaml']);
  try {
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ws/notice.md', languageId: 'markdown', version: 1, text: DRAFT } });
    await s.until('config finding', () => (s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics.length ?? 0) > 0);
    const finding = s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics[0];
    assert.match(finding?.message ?? '', /reached through the symbolic link team\.yaml/);
    assert.deepEqual(finding?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 15 } }, 'the list item, quotes and all');
  } finally {
    s.dispose();
  }
});

test('browser language server: a .crosswalk.yaml that is a symbolic link, and a glossary in a linked folder named in the settings, are refused; "Ignore here" does not write through the link', async () => {
  const s = await webServer(
    { 'file:///ws/.crosswalk.yaml': 'rules:\n  jargon: off\n', 'file:///ws/shared/team.yaml': GLOSSARY },
    ['/ws/.crosswalk.yaml', '/ws/shared'],
    { glossaries: ['shared/team.yaml'] },
  );
  try {
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ws/notice.md', languageId: 'markdown', version: 1, text: DRAFT } });
    await s.until('draft diagnostics', () => s.published.has('file:///ws/notice.md'));
    await s.until('config finding', () => (s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics.length ?? 0) > 0);
    assert.match(s.published.get('file:///ws/.crosswalk.yaml')?.diagnostics[0].message ?? '', /\/ws\/\.crosswalk\.yaml is reached through the symbolic link \.crosswalk\.yaml; .* Settings and defaults apply\./);
    assert.ok(!s.read.includes('file:///ws/.crosswalk.yaml'), 'the linked config is never read');
    assert.ok(!s.read.includes('file:///ws/shared/team.yaml'), 'nor the glossary in the linked folder');
    const jargon = s.published.get('file:///ws/notice.md')?.diagnostics.find((d) => d.code === 'jargon') as Diagnostic;
    assert.ok(jargon, "the linked config's rules: were not applied, nor its glossary");
    // "Ignore here" would write the workspace folder's .crosswalk.yaml: that is the link, so nothing is written.
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: 'file:///ws/notice.md' }, range: jargon.range, context: { diagnostics: [jargon] } });
    const ignore = actions.find((a) => a.title.startsWith('Ignore'));
    assert.ok(ignore, `an Ignore action among ${actions.map((a) => a.title).join(', ')}`);
    const resolved = await s.client.sendRequest<CodeAction>('codeAction/resolve', ignore);
    assert.equal(resolved.edit, undefined, 'no edit of the linked .crosswalk.yaml');
    await s.until('a message', () => s.messages.length > 0);
    assert.match(s.messages[0], /\/ws\/\.crosswalk\.yaml is reached through the symbolic link \.crosswalk\.yaml/);
  } finally {
    s.dispose();
  }
});

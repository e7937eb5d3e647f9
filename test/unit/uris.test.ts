// One key per file (server/src/uris.ts): VS Code's and Node's spellings of a URI, Windows paths (drive letters, UNC,
// backslashes, `\\?\`), case on case-insensitive hosts; and the CLI's paths as Windows compilers print them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { canonicalUri, displayUri, fileUri, HOST_IGNORES_CASE, uriToPath, UriKeys } from '../../server/src/uris';
import { DocumentStore } from '../../server/src/documents';
import { displayPath, isInside } from '../../server/src/cli/inputs';
import { services } from './helpers';

const VSCODE_CM = 'file:///c%3A/drv%20%28v2%29/cm%2B1%40%21.c';

describe('canonicalUri', () => {
  test('VS Code\'s and Node\'s spellings of one Windows file are one key, VS Code\'s', () => {
    for (const u of ['file:///C:/drv%20(v2)/cm+1@!.c', 'file:///c:/drv%20(v2)/cm+1@!.c', 'file:///c%3A/drv%20%28v2%29/cm%2B1%40%21.c',
      'file:///c%3a/drv%20%28v2%29/cm%2b1%40%21.c', 'file://localhost/C:/drv%20(v2)/cm+1@!.c', 'file:/C:/drv%20(v2)/cm+1@!.c']) {
      assert.equal(canonicalUri(u), VSCODE_CM, u);
    }
  });

  test('a POSIX path spelled by Node and by VS Code is one key', () => {
    const path = '/home/dev/drv (v2)/cm+1@!.c';
    assert.notEqual(pathToFileURL(path).href, URI.file(path).toString(), 'the spellings differ to begin with');
    assert.equal(canonicalUri(pathToFileURL(path).href), canonicalUri(URI.file(path).toString()));
    assert.equal(canonicalUri(pathToFileURL(path).href), URI.file(path).toString());
  });

  test('is idempotent, keeps other schemes opaque, and never throws', () => {
    assert.equal(canonicalUri(VSCODE_CM), VSCODE_CM);
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
    // A remote workspace: the authority's escape is kept, the path spelled as VS Code does; no path is made of it.
    assert.equal(canonicalUri('vscode-remote://ssh-remote%2Bbox/home/u/drv%20(v2)/cm.c'), 'vscode-remote://ssh-remote%2Bbox/home/u/drv%20%28v2%29/cm.c');
    assert.equal(uriToPath('vscode-remote://ssh-remote%2Bbox/home/u/cm.c', 'posix'), undefined);
    for (const odd of ['', '%', 'file:///%zz/%E0%A4%A.c', 'not a uri', 'c:\\drv\\cm.c']) assert.equal(typeof canonicalUri(odd), 'string');
  });
});

describe('fileUri and uriToPath with Windows paths', () => {
  test('drive letters, backslashes, forward slashes, `\\\\?\\` and `..` give the key VS Code uses', () => {
    for (const p of ['C:\\drv (v2)\\cm+1@!.c', 'c:\\drv (v2)\\cm+1@!.c', 'C:/drv (v2)/cm+1@!.c', '\\\\?\\C:\\drv (v2)\\cm+1@!.c',
      '\\\\.\\C:\\drv (v2)\\cm+1@!.c', 'C:\\drv (v2)\\src\\..\\cm+1@!.c', 'C:\\drv (v2)\\\\cm+1@!.c']) {
      assert.equal(fileUri(p, 'win32'), VSCODE_CM, p);
    }
  });

  test('UNC paths, with and without the `\\\\?\\UNC\\` prefix, are file URIs with an authority', () => {
    for (const p of ['\\\\server\\share\\drv\\cm.c', '\\\\?\\UNC\\server\\share\\drv\\cm.c', '//server/share/drv/cm.c', '\\\\SERVER\\share\\drv\\cm.c']) {
      assert.equal(fileUri(p, 'win32'), 'file://server/share/drv/cm.c', p);
    }
    assert.equal(uriToPath('file://server/share/drv/cm.c', 'win32'), '\\\\server\\share\\drv\\cm.c');
    assert.equal(uriToPath('file://server/share/drv/cm.c', 'posix'), undefined, 'another host is nothing on a POSIX disk');
  });

  test('uriToPath reads both spellings back to the Windows path (drive letter upper case)', () => {
    for (const u of [VSCODE_CM, 'file:///C:/drv%20(v2)/cm+1@!.c', 'file://localhost/c:/drv%20(v2)/cm+1@!.c']) {
      assert.equal(uriToPath(u, 'win32'), 'C:\\drv (v2)\\cm+1@!.c', u);
    }
    assert.equal(uriToPath('file:///c%3A', 'win32'), 'C:\\');
    assert.equal(uriToPath('untitled:Untitled-1', 'win32'), undefined);
    assert.equal(displayUri(VSCODE_CM, 'win32'), 'C:\\drv (v2)\\cm+1@!.c');
    assert.equal(displayUri('untitled:Untitled-1', 'win32'), 'untitled:Untitled-1');
  });

  test('round trip: path.win32 paths survive fileUri then uriToPath', () => {
    for (const p of ['C:\\drv\\cm.c', 'D:\\Old DDK\\ndis5 (2003)\\cm.c', '\\\\build01\\src$\\drv\\cm.c', 'C:\\Users\\dev\\drv#1\\cm%20.c', 'E:\\café\\ü.c']) {
      assert.equal(uriToPath(fileUri(p, 'win32'), 'win32'), win32.normalize(p), p);
      assert.equal(canonicalUri(fileUri(p, 'win32')), fileUri(p, 'win32'));
    }
  });

  test('POSIX paths: the key of a path, and back, with a backslash kept as part of a name', () => {
    const p = '/home/dev/drv (v2)/a\\b#1%.c';
    assert.equal(fileUri(p, 'posix'), URI.file(p).toString());
    assert.equal(uriToPath(fileUri(p, 'posix'), 'posix'), p);
    assert.equal(fileUri('/home/dev/drv/./src/../cm.c', 'posix'), 'file:///home/dev/drv/cm.c');
  });
});

describe('UriKeys', () => {
  test('where the file system ignores case, spellings that differ in case are one key: the first one seen', () => {
    const keys = new UriKeys(true);
    const first = keys.key('file:///C:/Drv/CmMain.c');
    assert.equal(first, 'file:///c%3A/Drv/CmMain.c', 'the case of the names is kept for messages');
    for (const u of ['file:///c%3A/drv/cmmain.c', 'file:///C:/DRV/CMMAIN.C', 'file:///c%3a/dRv/cMmAiN.c']) assert.equal(keys.key(u), first, u);
    assert.equal(keys.key(fileUri('c:\\DRV\\cmmain.c', 'win32')), first);
    assert.notEqual(keys.key('file:///c:/drv/other.c'), first, 'another file is another key');
    assert.equal(keys.key(first), first, 'a key is its own key');
    assert.equal(keys.key(fileUri('C:\\Café\\Ü.c', 'win32')), keys.key('file:///c:/CAF%C3%89/%C3%BC.c'), 'letters beyond ASCII fold too');
  });

  test('where case matters (Linux), or for other schemes, spellings that differ in case are different files', () => {
    const keys = new UriKeys(false);
    assert.notEqual(keys.key('file:///home/dev/Cm.c'), keys.key('file:///home/dev/cm.c'));
    assert.equal(keys.key('file:///home/dev/drv%20(v2)/cm.c'), keys.key('file:///home/dev/drv%20%28v2%29/cm.c'));
    const folding = new UriKeys(true);
    assert.notEqual(folding.key('vscode-remote://ssh-remote%2Bbox/home/Cm.c'), folding.key('vscode-remote://ssh-remote%2Bbox/home/cm.c'));
  });

  test('the host decides: Windows and macOS ignore case, Linux does not', () => {
    assert.equal(HOST_IGNORES_CASE, process.platform === 'win32' || process.platform === 'darwin');
  });
});

describe('DocumentStore keys', () => {
  test('a document opened in one spelling is found, changed and closed in another; answers keep the client\'s spelling', async () => {
    const s = await services();
    const store = new DocumentStore(s.parser, Infinity, undefined, new UriKeys(true));
    const doc = store.open('file:///c%3A/Drv%20%28v2%29/CM.c', 'c', 1, 'int a;\n');
    assert.equal(doc.clientUri, 'file:///c%3A/Drv%20%28v2%29/CM.c');
    assert.equal(doc.text.uri, doc.clientUri);
    assert.equal(store.get('file:///C:/drv%20(v2)/cm.c'), doc);
    store.change('file:///C:/DRV%20(V2)/CM.C', 2, [{ text: 'int b;\n' }]);
    assert.equal(doc.parsed.text, 'int b;\n');
    assert.equal(doc.version, 2);
    store.open('file:///C:/drv%20(v2)/cm.c', 'c', 3, 'int c;\n');
    assert.equal([...store.all()].length, 1, 'opened twice under two spellings: one document');
    store.close(VSCODE_CM);
    store.close('file:///c:/drv%20(v2)/cm.c');
    assert.equal([...store.all()].length, 0);
  });
});

describe('CLI paths as the platform\'s compilers print them', () => {
  test('Windows: relative with backslashes inside the current folder, absolute outside it, no `\\\\?\\` prefix', () => {
    assert.equal(displayPath('C:\\drv\\src\\cm.c', 'C:\\drv', 'win32'), 'src\\cm.c');
    assert.equal(displayPath('c:\\DRV\\src\\cm.c', 'C:\\drv', 'win32'), 'src\\cm.c', 'the case of a folder does not make it another');
    assert.equal(displayPath('\\\\?\\C:\\drv\\src\\cm.c', 'C:\\drv', 'win32'), 'src\\cm.c');
    assert.equal(displayPath('D:\\other\\cm.c', 'C:\\drv', 'win32'), 'D:\\other\\cm.c');
    assert.equal(displayPath('\\\\?\\UNC\\server\\share\\cm.c', 'C:\\drv', 'win32'), '\\\\server\\share\\cm.c');
    assert.equal(displayPath('C:/drv/../elsewhere/cm.c', 'C:\\drv', 'win32'), 'C:\\elsewhere\\cm.c');
    assert.equal(isInside('\\\\server\\share\\drv\\cm.c', '\\\\server\\share', 'win32'), true);
  });

  test('POSIX: unchanged, forward slashes, absolute paths printed as given', () => {
    assert.equal(displayPath('/home/dev/drv/src/cm.c', '/home/dev/drv', 'posix'), posix.join('src', 'cm.c'));
    assert.equal(displayPath('/opt/other/cm.c', '/home/dev/drv', 'posix'), '/opt/other/cm.c');
    assert.equal(displayPath('/home/dev/drv', '/home/dev/drv', 'posix'), '.');
  });
});

// Sources as old Windows driver trees hold them: CRLF line ends, Windows-1252 (code page) text, UTF-16 LE with a
// byte-order mark. The files are made here from bytes (no binary fixtures); findings must land on the right line and
// column, counted in UTF-16 code units of the decoded text, and a file in one encoding completes a handler in another.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, json, only, scratch, write } from './cliKit';

/** Windows-1252 bytes of `s`: ASCII and Latin-1 as themselves, the few 0x80-0x9F characters used here by table. */
function cp1252(s: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...s].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    if (high[c] === undefined) throw new Error(`not in the test's code page table: ${c}`);
    return high[c];
  }));
}
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

/** A stand-alone CM's close-call handler `name` that pends, with `before` written ahead of its return on that line. */
const pends = (name: string, before: string) => `#include <ndis.h>
// Copyright (c) 1999 – Müller & Söhne. “All rights reserved.”
PROTOCOL_CM_CLOSE_CALL ${name};
NDIS_STATUS ${name}(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT S)
{
    QueueCloseWork(C);
    ${before} return NDIS_STATUS_PENDING;
}
NDIS_STATUS Bind${name}(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af) { return NdisCmRegisterAddressFamilyEx(Binding, Af); }
`;
const COMPLETES = 'VOID CloseWorker(NDIS_HANDLE Vc) { /* © 2001 – “Grüße” 😀 */ NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); }\n';

/** 1-based line and UTF-16 column of the one `return NDIS_STATUS_PENDING` in `text` (CR LF is one line break). */
function returnAt(text: string): { line: number; column: number } {
  const at = text.indexOf('return NDIS_STATUS_PENDING');
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('condis-assist check: CRLF, Windows-1252 and UTF-16 sources', () => {
  let dir: string;
  let cleanup: () => void;
  const texts = {
    'crlf.c': crlf(pends('CloseCrlf', '/* naïve – ü */')),
    'cp1252.c': crlf(pends('CloseAnsi', '/* Müller © “x” € */')),
    'utf16.c': crlf(pends('CloseWide', '/* 😀 Grüße */')),
  };
  before(() => {
    ({ dir, cleanup } = scratch());
    write(dir, 'drv/crlf.c', Buffer.from(texts['crlf.c'], 'utf8'));
    write(dir, 'drv/cp1252.c', cp1252(texts['cp1252.c']));
    write(dir, 'drv/utf16.c', utf16le(texts['utf16.c']));
    // A second tree: the handler pends in a Windows-1252 file, the only completion is in a UTF-16 one.
    write(dir, 'split/close.c', cp1252(crlf(pends('CloseSplit', '/* “x” */'))));
    write(dir, 'split/worker.c', utf16le(crlf(COMPLETES)));
  });
  after(() => cleanup());

  test('every file is read, and each finding is at the line and UTF-16 column of its text', () => {
    const r = cli(['check', '--format', 'json', ...only('missing-completion'), 'drv'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /skipped/, 'no file is refused');
    const report = json(r);
    assert.equal(report.files, 3);
    const got = report.findings.map((f) => [f.file, f.line, f.column, f.endLine]);
    const want = Object.entries(texts).map(([name, text]) => {
      const { line, column } = returnAt(text);
      return [join('drv', name), line, column, line];
    }).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(got, want);
    // The astral character before the return counts two code units, as in the editor: not one, not four bytes.
    assert.equal(returnAt(texts['utf16.c']).column, '    /* 😀 Grüße */ '.length + 1);
  });

  test('a completion in a UTF-16 file completes a handler that pends in a Windows-1252 file', () => {
    const r = cli(['check', '--format', 'json', ...only('missing-completion'), 'split'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(json(r).files, 2);
    assert.deepEqual(json(r).findings, []);
  });

  test('text output names the file and position as a compiler would (unchanged on Linux: `path:line:col:`)', () => {
    const r = cli(['check', ...only('missing-completion'), 'drv/utf16.c'], dir);
    const { line, column } = returnAt(texts['utf16.c']);
    const sep = process.platform === 'win32' ? '\\' : '/';
    assert.match(r.stdout, new RegExp(`^drv\\${sep}utf16\\.c:${line}:${column}: warning: .*\\[missing-completion\\]$`, 'm'));
  });
});

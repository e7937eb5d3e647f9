// Source bytes as Windows tools read them (server/src/decodeSource.ts): byte-order marks, UTF-8, Windows-1252.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../server/src/decodeSource';

const SOURCE = '// Müller © 1998 – “CoNDIS” 😀\r\nNDIS_STATUS S = NDIS_STATUS_PENDING;\r\n';
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => { const le = Buffer.from(s, 'utf16le'); for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]; return Buffer.concat([Buffer.from([0xfe, 0xff]), le]); };

describe('decodeSource', () => {
  test('UTF-8, with and without its byte-order mark, the mark not part of the text', () => {
    assert.deepEqual(decodeSource(Buffer.from(SOURCE)), { ok: true, text: SOURCE, encoding: 'utf-8' });
    assert.deepEqual(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE)])), { ok: true, text: SOURCE, encoding: 'utf-8-bom' });
  });

  test('UTF-16 LE and BE with a byte-order mark, astral characters as two code units', () => {
    assert.deepEqual(decodeSource(utf16le(SOURCE)), { ok: true, text: SOURCE, encoding: 'utf-16le' });
    assert.deepEqual(decodeSource(utf16be(SOURCE)), { ok: true, text: SOURCE, encoding: 'utf-16be' });
    const r = decodeSource(utf16le(SOURCE));
    assert.ok(r.ok && r.text.indexOf('\r\nNDIS_STATUS') === SOURCE.indexOf('\r\nNDIS_STATUS'), 'offsets are UTF-16 units of the text');
  });

  test('bytes that are not UTF-8 are Windows-1252 (the 0x80-0x9F range included)', () => {
    // "// Müller © – “x” €" in code page 1252.
    const bytes = Buffer.from([0x2f, 0x2f, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xa9, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, 0x20, 0x80, 0x0d, 0x0a]);
    assert.deepEqual(decodeSource(bytes), { ok: true, text: '// Müller © – “x” €\r\n', encoding: 'windows-1252' });
  });

  test('every byte from 0x80 to 0x9F maps as the WHATWG Windows-1252 index says (Node\'s own decoder reads them as Latin-1)', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const r = decodeSource(bytes);
    assert.ok(r.ok);
    assert.equal(r.text, '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ');
  });

  test('valid UTF-8 is never read as Windows-1252 (which would turn `ü` into two characters and shift columns)', () => {
    const r = decodeSource(Buffer.from('/* ü */ x;'));
    assert.ok(r.ok);
    assert.equal(r.text, '/* ü */ x;');
    assert.equal(r.encoding, 'utf-8');
  });

  test('NUL bytes without a UTF-16 mark, or a NUL character behind one, are binary; odd and empty inputs do not throw', () => {
    for (const bytes of [Buffer.from('int x;\0\0\0'), Buffer.from('i\0n\0t\0 \0x\0;\0'), utf16le('int x;\0'), Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])]) {
      const r = decodeSource(bytes);
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.why : '', /binary content \(NUL bytes\)/);
    }
    assert.deepEqual(decodeSource(Buffer.alloc(0)), { ok: true, text: '', encoding: 'utf-8' });
    assert.equal(decodeSource(Buffer.from([0xfe, 0xff, 0x00, 0x41, 0x00])).ok, true);
    assert.equal(decodeSource(Buffer.from([0xff, 0xfe, 0x41])).ok, true);
  });
});

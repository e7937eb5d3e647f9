// Turns the bytes of a source file into text the way Windows tools read them: a byte-order mark says UTF-8 or UTF-16
// (LE or BE); without one, valid UTF-8 is UTF-8 and anything else is Windows-1252, the code page of old DDK sources.
// Offsets everywhere are UTF-16 code units of the decoded text, so the encoding on disk never shifts a column.

import { latin1 } from './portable';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; why: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
/**
 * Windows-1252's 0x80-0x9F (WHATWG index): the rest of the code page is Latin-1. Our own table, because Node's
 * TextDecoder('windows-1252') decodes as Latin-1 since 20.18.3 / 22.13.0 (nodejs/node#60888).
 */
const C1 = String.fromCharCode(0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178);

function decodeCp1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\x80-\x9f]/g, (c) => C1[c.charCodeAt(0) - 0x80]);
}

/** Also what a UTF-16 file without a byte-order mark gets: Windows editors write the mark, guessing would misread binaries. */
const BINARY = 'binary content (NUL bytes)';

export function decodeSource(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: SourceEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = utf8Lenient.decode(bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = utf16le.decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = utf16le.decode(swapPairs(bytes.subarray(2)));
    encoding = 'utf-16be';
  } else {
    // Without a mark, a NUL byte means binary (or UTF-16 without a mark, which no Windows editor writes by default).
    if (bytes.includes(0)) return { ok: false, why: BINARY };
    try {
      text = utf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = decodeCp1252(bytes);
      encoding = 'windows-1252';
    }
  }
  // A NUL character in decoded text (UTF-32, or binary behind a mark) is no C source either.
  if (text.includes('\0')) return { ok: false, why: BINARY };
  return { ok: true, text, encoding };
}

/** The bytes with each pair swapped (UTF-16 BE to LE); an odd last byte is dropped, as a decoder would. */
function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length & ~1);
  for (let i = 0; i + 1 < b.length; i += 2) { out[i] = b[i + 1]; out[i + 1] = b[i]; }
  return out;
}

// Turns the bytes of a source file into text the way Windows tools read them: a byte-order mark says UTF-8 or UTF-16
// (LE or BE); without one, valid UTF-8 is UTF-8 and anything else is Windows-1252, the code page of old DDK sources.
// Offsets everywhere are UTF-16 code units of the decoded text, so the encoding on disk never shifts a column.

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; why: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const cp1252 = new TextDecoder('windows-1252');

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
      text = cp1252.decode(bytes);
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

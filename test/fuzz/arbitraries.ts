// fast-check arbitraries for C-ish text: any UTF-16 code unit (lone surrogates and NUL included), C tokens, catalog
// names and fragments, and corpus files cut and spliced. Shrinking then yields small, readable counterexamples.
import fc from 'fast-check';
import { loadCorpus } from './corpus';

const corpus = loadCorpus();

/** Any single UTF-16 code unit: lone surrogates, NUL, CR, BOM and all. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const TOKENS = [
  '{', '}', '(', ')', '[', ']', ';', ',', '*', '&', '->', '.', '=', '==', '!=', '?', ':', '#', '"', "'", '/*', '*/', '//', '\\',
  'if', 'else', 'return', 'switch', 'case', 'while', 'for', 'do', 'goto', 'struct', 'typedef', 'static', 'VOID', 'NDIS_STATUS',
  'NDIS_HANDLE', 'PVOID', 'Status', 'Vc', 'Vc->NdisVcHandle', 'NULL', '0', '1', '#if 1', '#endif', '#define X', '#include',
  '_In_', 'IN', 'OUT', 'OPTIONAL', '_IRQL_requires_max_(DISPATCH_LEVEL)', '__in', '\ufeff', '\u0000', '\r', '\ud800', '\udc00', '\ud83d\ude00',
];

const space = fc.constantFrom(' ', '\n', '\t', '\r\n', '', '  ');

/** A token of C, a catalog name, a fragment, or any code unit. */
export const cPiece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 4, arbitrary: fc.constantFrom(...corpus.names) },
  { weight: 2, arbitrary: fc.constantFrom(...corpus.fragments) },
  { weight: 4, arbitrary: space },
  { weight: 1, arbitrary: codeUnit },
);

/** Token soup: mostly C-shaped, never C. */
export const cSoup = fc.array(cPiece, { maxLength: 200 }).map((parts) => parts.join(' '));

/** Any UTF-16 string. */
export const anyText = fc.string({ unit: codeUnit, maxLength: 400 });

/** A corpus file cut at two points and spliced with soup in between. */
export const corpusSplice = fc.record({
  file: fc.nat({ max: corpus.files.length - 1 }),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  middle: cSoup,
}).map(({ file, a, b, middle }) => {
  const text = corpus.files[file].text;
  const [x, y] = [Math.floor(Math.min(a, b) * text.length), Math.floor(Math.max(a, b) * text.length)];
  return text.slice(0, x) + middle + text.slice(y);
});

export const cText = fc.oneof(cSoup, anyText, corpusSplice);

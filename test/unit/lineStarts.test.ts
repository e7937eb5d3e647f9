// The line index kept through edits (syntax/lineStarts.ts) answers what counting the '\n's of the current text does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineStarts } from '../../server/src/syntax/lineStarts';

const count = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('the line index follows random edits: inserted, removed and replaced line breaks, at the ends too, big pastes', () => {
  let seed = 20261207;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const pieces = ['\n', 'a', '\r\n', 'xy\nz', '\n\n\n', '', '\r', 'long line without a break'];
  let text = 'int a;\nint b;\n\nvoid f(void)\n{\n}\n';
  const lines = new LineStarts(() => text);
  lines.lineOf(0); // made now, so every edit below updates it
  for (let i = 0; i < 2000; i++) {
    const start = rnd(text.length + 1);
    const oldEnd = Math.min(text.length, start + rnd(12));
    const insert = i % 500 === 499 ? '\n'.repeat(3000) : pieces[rnd(pieces.length)] + pieces[rnd(pieces.length)];
    text = text.slice(0, start) + insert + text.slice(oldEnd);
    lines.edit(start, oldEnd, insert);
    for (const o of [0, start, Math.min(text.length, start + insert.length), text.length, rnd(text.length + 1)]) {
      assert.equal(lines.lineOf(o), count(text, o), `edit ${i}, offset ${o}`);
    }
  }
});

test('an index not yet made is made from the current text, and reset after a whole-text change', () => {
  let text = 'a\nb\nc';
  const lines = new LineStarts(() => text);
  lines.edit(0, 1, 'x\ny'); // nothing to update yet
  text = 'x\ny\nb\nc';
  assert.equal(lines.lineOf(text.length), 4);
  text = 'one line';
  lines.reset();
  assert.equal(lines.lineOf(3), 1);
});

// The stdio re-framer (server/src/framing.ts): well-formed frames pass through whole and in order however the bytes
// are chunked; garbage between frames, headers without a usable Content-Length and lengths that run into the next
// message cost only the broken message; whatever comes in, what goes out is a sequence of well-formed frames.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LspReframer } from '../../server/src/framing';

const frame = (body: string, length?: number) => Buffer.concat([Buffer.from(`Content-Length: ${length ?? Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);

/** Feeds `chunks` through a re-framer and returns the frames' bodies; fails if the output is not well framed. */
async function reframe(chunks: Buffer[]): Promise<string[]> {
  const r = new LspReframer();
  const out: Buffer[] = [];
  r.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => r.on('end', resolve));
  for (const c of chunks) r.write(c);
  r.end();
  await ended;
  const all = Buffer.concat(out);
  const bodies: string[] = [];
  for (let at = 0; at < all.length;) {
    const end = all.indexOf('\r\n\r\n', at);
    const m = /^Content-Length: (\d+)$/.exec(all.toString('latin1', at, end));
    assert.ok(end > 0 && m, `not a frame at ${at}: ${JSON.stringify(all.toString('latin1', at, at + 40))}`);
    const length = Number(m![1]);
    assert.ok(end + 4 + length <= all.length, 'frame cut short');
    bodies.push(all.toString('utf8', end + 4, end + 4 + length));
    at = end + 4 + length;
  }
  return bodies;
}

/** Splits `bytes` at the given fractions. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) { out.push(bytes.subarray(last, p)); last = p; }
  out.push(bytes.subarray(last));
  return out.filter((b) => b.length);
}

const message = fc.record({ id: fc.nat(), method: fc.constantFrom('textDocument/hover', 'textDocument/didChange', '$/x'), text: fc.string({ maxLength: 300 }) })
  .map((m) => JSON.stringify({ jsonrpc: '2.0', id: m.id, method: m.method, params: { text: m.text } }));
/** Bytes that are not a header: anything without `Content-` (line breaks, NUL, invalid UTF-8 and all). */
const garbage = fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)).filter((b) => !/[Cc]ontent-/.test(b.toString('latin1')));
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe('the stdio re-framer', () => {
  test('passes every well-formed frame through, whole and in order, with any garbage between frames and any chunking', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(garbage, message), { maxLength: 8 }), garbage, cuts, async (items, trailing, at) => {
      const bytes = Buffer.concat([...items.flatMap(([g, m]) => [g, frame(m)]), trailing]);
      assert.deepEqual(await reframe(chunked(bytes, at)), items.map(([, m]) => m));
    }), { seed: 0xf7a, numRuns: 300 });
  });

  test('turns any bytes at all into well-formed frames only', async () => {
    const piece = fc.oneof(fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)), message.map((m) => frame(m)),
      fc.tuple(message, fc.nat({ max: 400 })).map(([m, n]) => frame(m, n)), fc.constantFrom(...['Content-Length: 5\r\n', '\r\n\r\n', 'Content-Length: x\r\n\r\n', 'content-length:3\r\n\r\n{}}', 'Content-Type: a\r\n'].map((s) => Buffer.from(s))));
    await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 10 }), cuts, async (pieces, at) => {
      await reframe(chunked(Buffer.concat(pieces), at));
    }), { seed: 0xf7b, numRuns: 300 });
  });

  test('a Content-Length longer than its body loses that message, not the next one', async () => {
    assert.deepEqual(await reframe([frame('{"a":1}', 5000), frame('{"b":2}')]), ['{"b":2}']);
  });

  test('a Content-Length shorter than its body passes a cut message (the reader drops it) and then the next one', async () => {
    assert.deepEqual(await reframe([frame('{"a":1}', 3), frame('{"b":2}')]), ['{"a', '{"b":2}']);
  });

  test('headers without a usable Content-Length are skipped, and an empty body is a frame', async () => {
    const junk = ['Foo: bar\r\n\r\n', 'Content-Length: twelve\r\n\r\n', 'no colon here\r\n\r\n', 'Content-Length: 99999999999999999\r\n\r\n'];
    assert.deepEqual(await reframe([...junk.map((j) => Buffer.from(j)), frame(''), frame('{"c":3}')]), ['', '{"c":3}']);
  });

  test('a message sent one byte at a time, and a 2 MB message in 64 KB chunks, come out whole', async () => {
    const small = frame('{"jsonrpc":"2.0","method":"x"}');
    assert.deepEqual(await reframe([...small].map((b) => Buffer.from([b]))), ['{"jsonrpc":"2.0","method":"x"}']);
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    const bytes = frame(big);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    assert.deepEqual(await reframe(chunks), [big]);
  });
});

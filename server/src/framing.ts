// Re-frames the LSP byte stream on stdio before the JSON-RPC reader sees it. Well-formed `Content-Length` frames pass
// through (with a plain `Content-Length` header); anything else (garbage bytes, a header without a usable Content-Length, a length that runs
// into the next message) is dropped up to the next header, so one bad message costs that message and not the
// session: vscode-jsonrpc's reader never resynchronises after a framing error and would ignore every later message.
import { Transform, type TransformCallback } from 'node:stream';

/** Header blocks are short; a "header" longer than this is garbage that happens to contain `Content-`. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const HEADER_STARTS = [Buffer.from('Content-', 'ascii'), Buffer.from('content-', 'ascii')];
/**
 * A Content-Length header line inside a body means the previous frame's length ran past its message: JSON text can
 * hold neither this outside a string nor a raw line break inside one.
 */
const EMBEDDED = /[Cc]ontent-[Ll]ength: *\d+\r\n/;
/** Bytes of the previous chunk kept when searching a body, so a header split across chunks is still found. */
const OVERLAP = 64;

function firstHeaderStart(buf: Buffer, from: number): number {
  let best = -1;
  for (const h of HEADER_STARTS) {
    const i = buf.indexOf(h, from);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** The Content-Length of a header block (without its final blank line), or -1 when the block is not a valid header. */
function contentLength(block: string): number {
  let length = -1;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return -1;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return -1;
    length = Number(value);
  }
  return length;
}

export class LspReframer extends Transform {
  /** Bytes not yet framed while looking for a header. */
  private pending: Buffer = Buffer.alloc(0);
  /** The accepted header of the frame whose body is being collected (null while looking for a header). */
  private header: Buffer | null = null;
  private length = 0;
  private body: Buffer[] = [];
  private bodyBytes = 0;
  /** The last bytes of the body so far, searched together with the next chunk. */
  private tail: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    done();
  }

  private feed(chunk: Buffer): void {
    let data: Buffer | null = chunk;
    while (data && data.length) data = this.header ? this.collectBody(data) : this.findHeader(data);
  }

  /** Looks for a valid header block; returns what follows it (the body's first bytes), or null to wait for more. */
  private findHeader(chunk: Buffer): Buffer | null {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const start = firstHeaderStart(buf, 0);
      if (start < 0) {
        // Garbage: keep only what could be the beginning of a header name.
        this.pending = Buffer.from(buf.subarray(Math.max(0, buf.length - HEADER_STARTS[0].length)));
        return null;
      }
      const end = buf.indexOf(HEADER_END, start);
      if (end < 0 || end - start > MAX_HEADER_BYTES) {
        if (end < 0 && buf.length - start <= MAX_HEADER_BYTES) {
          this.pending = Buffer.from(buf.subarray(start));
          return null;
        }
        buf = buf.subarray(start + 1);
        continue;
      }
      const length = contentLength(buf.toString('latin1', start, end));
      if (length < 0) {
        buf = buf.subarray(start + 1);
        continue;
      }
      // Only the length goes on: the reader then never meets an odd header line (LSP bodies are UTF-8 JSON).
      this.header = Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      this.length = length;
      this.body = [];
      this.bodyBytes = 0;
      this.tail = Buffer.alloc(0);
      this.pending = Buffer.alloc(0);
      const rest = buf.subarray(end + HEADER_END.length);
      return length === 0 ? this.emitFrame(rest) : rest;
    }
  }

  /** Adds body bytes; emits the frame when complete. Returns the bytes after the frame (or after a broken one). */
  private collectBody(chunk: Buffer): Buffer | null {
    const want = this.length - this.bodyBytes;
    const mine = chunk.subarray(0, want);
    // A header inside the body: this frame's length was wrong. Drop the frame and go on from that header.
    const window = Buffer.concat([this.tail, mine]).toString('latin1');
    const m = EMBEDDED.exec(window);
    if (m) {
      const cut = m.index - this.tail.length; // offset in `mine`; may be negative when the header began in the tail
      const resume = cut >= 0 ? chunk.subarray(cut) : Buffer.concat([this.tail.subarray(this.tail.length + cut), chunk]);
      this.header = null;
      this.body = [];
      return resume;
    }
    this.body.push(mine);
    this.bodyBytes += mine.length;
    this.tail = Buffer.from(Buffer.concat([this.tail, mine]).subarray(-OVERLAP));
    if (this.bodyBytes < this.length) return null;
    return this.emitFrame(chunk.subarray(want));
  }

  private emitFrame(rest: Buffer): Buffer {
    this.push(Buffer.concat([this.header!, ...this.body]));
    this.header = null;
    this.body = [];
    this.bodyBytes = 0;
    return rest;
  }
}

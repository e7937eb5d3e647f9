// The CLI's floor: read every C file under a folder and parse it once with web-tree-sitter (annotations blanked,
// as any tree-sitter checker of driver code must), doing nothing else. Bundled by the harness and timed like the CLI.
// `parseFloor DIR WASMDIR K N` parses only every N-th file from the K-th (the floor on N cores: N such processes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { blankAnnotations } from '../server/src/syntax/blank';

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.[ch]$/.test(e.name)) yield p;
  }
}

async function main(): Promise<void> {
  const [dir, wasmDir, shard = '0', shards = '1'] = process.argv.slice(2);
  await Parser.init({ locateFile: (f: string) => join(wasmDir, f) });
  const parser = new Parser();
  parser.setLanguage(await Language.load(join(wasmDir, 'tree-sitter-c.wasm')));
  let bytes = 0;
  let files = 0;
  let at = 0;
  for (const path of walk(dir)) {
    if (at++ % Number(shards) !== Number(shard)) continue;
    const text = readFileSync(path, 'utf8');
    bytes += Buffer.byteLength(text);
    parser.parse(blankAnnotations(text))?.delete();
    files++;
  }
  process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
}

void main();

// Renders the extension's icon (images/icon.png, 128x128, what the Marketplace and Open VSX show) from
// images/icon.svg with resvg's WebAssembly build: the same pixels on every machine, no system tool needed.
//   node scripts/icon.mjs           writes images/icon.png
//   node scripts/icon.mjs --check   exits 1 when images/icon.png is not what the SVG renders to
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SVG = join(root, 'images', 'icon.svg');
export const ICON_PNG = join(root, 'images', 'icon.png');
export const ICON_SIZE = 128;

let ready;
/** The PNG bytes images/icon.svg renders to at 128x128. */
export async function renderIcon() {
  const require = createRequire(import.meta.url);
  const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await ready;
  const resvg = new Resvg(readFileSync(ICON_SVG, 'utf8'), { fitTo: { mode: 'width', value: ICON_SIZE } });
  const image = resvg.render();
  try {
    if (image.width !== ICON_SIZE || image.height !== ICON_SIZE) throw new Error(`icon.svg renders to ${image.width}x${image.height}, not ${ICON_SIZE}x${ICON_SIZE}`);
    return Buffer.from(image.asPng());
  } finally {
    image.free();
    resvg.free();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const png = await renderIcon();
  if (process.argv.includes('--check')) {
    const same = Buffer.compare(readFileSync(ICON_PNG), png) === 0;
    console.log(same ? 'icon: images/icon.png matches images/icon.svg' : 'icon: images/icon.png is stale: run node scripts/icon.mjs');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(ICON_PNG, png);
  console.log(`icon: images/icon.png (${ICON_SIZE}x${ICON_SIZE}, ${png.length} bytes)`);
}

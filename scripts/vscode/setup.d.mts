// Types of setup.mjs, for the TypeScript tests that import it.
export function setup(): Promise<{ node: string; codeServerEntry: string; chromium: string }>;

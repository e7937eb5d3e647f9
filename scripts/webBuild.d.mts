// Types of webBuild.mjs, for the TypeScript benchmark that builds the packaged web bundles to measure them.
export const WEB_ENTRIES: { in: string; out: string; format: 'cjs' | 'iife' }[];
export function webBundles(options: { root: string; dist: string; production: boolean }): Promise<{ disabled: string[] }>;

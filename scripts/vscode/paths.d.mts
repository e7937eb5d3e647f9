// Types of paths.mjs, for the TypeScript tests that import it.
export const ROOT: string;
export const RUN_TAG: string;
export const CACHE: string;
export const CODE_SERVER_VERSION: string;
export const NODE_MAJOR: number;
export const NODE_PREFIX: string;
export const NODE_PKG: string;
export const NODE_BIN: string;
export const CODE_SERVER_PREFIX: string;
export const CODE_SERVER_PKG: string;
export const CODE_SERVER_ENTRY: string;
export const CHROMIUM: string;
export const STAMP: string;

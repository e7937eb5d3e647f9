// Types of scripts/icon.mjs for the tests.
export const ICON_SVG: string;
export const ICON_PNG: string;
export const ICON_SIZE: number;
export function renderIcon(): Promise<Buffer>;

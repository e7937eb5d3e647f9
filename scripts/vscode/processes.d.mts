// Types of processes.mjs, for the TypeScript tests that import it.
export interface ProcessInfo { pid: number; ppid: number; pgid: number; cmdline: string }
export function listProcesses(): ProcessInfo[];
export function processesOf(options: { roots: number[]; marker?: string }): { pids: number[]; groups: number[] };
export function killAll(options: { roots: number[]; marker?: string; graceMs?: number }): Promise<number[]>;

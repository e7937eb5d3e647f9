// Finds and ends the processes the harness started (code-server, its extension hosts and language
// servers, the browser), by PID and process group, read from /proc. Never by name.
import { readdirSync, readFileSync } from 'node:fs';

/** Every process as { pid, ppid, pgid, cmdline }; processes that vanish while reading are skipped. */
export function listProcesses() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(name), ppid: Number(rest[1]), pgid: Number(rest[2]), cmdline });
    } catch {
      // gone already
    }
  }
  return out;
}

function ownGroup() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/**
 * The processes of a run: descendants of `roots`, processes whose command line contains `marker`
 * (our temp folder: catches orphans re-parented to init), and every member of those processes'
 * groups, except the caller's own group. Returns { pids, groups }.
 */
export function processesOf({ roots, marker }) {
  const procs = listProcesses();
  const found = new Set(roots);
  let frontier = [...roots];
  while (frontier.length) {
    const next = [];
    for (const p of procs) {
      if (!found.has(p.pid) && frontier.includes(p.ppid)) {
        found.add(p.pid);
        next.push(p.pid);
      }
    }
    frontier = next;
  }
  if (marker) for (const p of procs) if (p.cmdline.includes(marker)) found.add(p.pid);
  const mine = ownGroup();
  const groups = new Set();
  for (const p of procs) if (found.has(p.pid) && p.pgid !== mine) groups.add(p.pgid);
  for (const p of procs) if (groups.has(p.pgid)) found.add(p.pid);
  found.delete(process.pid);
  return { pids: [...found], groups: [...groups] };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM the run's processes and their groups, then SIGKILL whatever is left after `graceMs`.
 * Returns the PIDs still alive afterwards (normally none).
 */
export async function killAll({ roots, marker, graceMs = 2000 }) {
  const seen = new Set();
  const signal = (sig) => {
    const { pids, groups } = processesOf({ roots: roots.filter(Boolean), marker });
    for (const pid of pids) seen.add(pid);
    for (const g of groups) {
      try { process.kill(-g, sig); } catch { /* gone */ }
    }
    for (const pid of seen) {
      try { process.kill(pid, sig); } catch { /* gone */ }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while ([...seen].some(alive) && Date.now() < deadline) await sleep(100);
  if ([...seen].some(alive)) {
    signal('SIGKILL');
    await sleep(200);
  }
  return [...seen].filter(alive);
}

// Progress on stderr for large trees: one line rewritten in place on a terminal, a few plain lines otherwise.
// Never on stdout, which carries only the report.

export interface Progress {
  start(phase: string, total: number): void;
  step(): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { start() {}, step() {}, done() {} };

/** Trees smaller than this finish too fast for progress to help. */
const LARGE = 200;
/** A terminal line is redrawn at most this often (ms). */
const TTY_INTERVAL = 100;

export function stderrProgress(stream: NodeJS.WriteStream): Progress {
  const tty = stream.isTTY === true;
  let phase = '';
  let total = 0;
  let n = 0;
  let every = 0;
  let lastDraw = 0;
  let drawn = false;
  const line = () => `condis-assist: ${phase} ${n}/${total} files`;
  const draw = () => {
    if (tty) { stream.write(`\r\x1b[K${line()}`); drawn = true; } else stream.write(`${line()}\n`);
  };
  return {
    start(p, t) {
      phase = p; total = t; n = 0;
      // Plain lines: at most about 20 per phase, and never closer than LARGE files apart.
      every = Math.max(LARGE, Math.ceil(t / 20));
      if (t >= LARGE) draw();
    },
    step() {
      n++;
      if (total < LARGE) return;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw >= TTY_INTERVAL || n === total) { lastDraw = now; draw(); }
      } else if (n % every === 0 || n === total) {
        draw();
      }
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

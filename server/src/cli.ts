// Command-line entry (`condis-assist check ...`, bundled as dist/cli.js): wires the process to the CLI's main.
import { main } from './cli/main';
import { findInstall } from './cli/install';

// A reader that closed the pipe early (`| head`) also raises 'error' on the stream; main already treats it as done.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  distDir: __dirname,
  install: findInstall(__dirname),
}).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`condis-assist: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);

// Command-line front end (the `check` command arrives with the diagnostics).
const [, , command] = process.argv;
if (command === '--version' || command === '-v') {
  console.log('condis-assist 0.1.0');
  process.exit(0);
}
console.error('usage: condis-assist check [--format text|json|sarif] PATH...\n(the checker is not built yet)');
process.exit(2);

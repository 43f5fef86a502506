/**
 * Lints src/api/openapi.json with Redocly's recommended rules (what client generators rely on) and fails on any
 * error or warning. Redocly's own output (with a notice about Node.js versions that is not about our document) is
 * shown only when the lint fails; a passing lint prints one line.
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['redocly', 'lint', 'src/api/openapi.json', '--format=stylish', '--max-problems=200'], {
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
const output = `${run.stdout}${run.stderr}`;
const clean = run.status === 0 && !/warning/i.test(output.replace(/Deprecation warning[^\n]*/g, ''));
if (!clean) {
  process.stderr.write(output);
  console.error("openapi.json: problems under Redocly's recommended rules (above)");
  process.exit(1);
}
console.log("openapi.json passes Redocly's recommended rules: no error, no warning");

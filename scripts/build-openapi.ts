/**
 * Writes src/api/openapi.json from the zod contract (`npm run build:openapi`).
 * With --check, writes nothing and exits 1 when the committed document differs from the schemas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/api/openapi-document';

const target = fileURLToPath(new URL('../src/api/openapi.json', import.meta.url));
const fresh = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as different
  }
  if (committed !== fresh) {
    console.error('src/api/openapi.json is out of date with src/api/schemas.ts: run `npm run build:openapi`.');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  writeFileSync(target, fresh);
  console.log(`wrote ${target}`);
}

/**
 * Precompression at build time (a Vite plugin): every compressible file of the build larger than 1 kB gets a `.br`
 * (brotli, quality 10) and a `.gz` (gzip, level 9) beside it, kept only when smaller. The server's static handler
 * (`serveStatic({ precompressed: true })` in server/node.ts) sends them to browsers that accept the encoding, so
 * assets cost no compression work per request and travel at brotli's best ratio.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text-like files worth compressing (fonts and images of the build are already compressed). */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|map|webmanifest)$/;
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/** Brotli's best (11) is several times slower than 10 for ~2% less; very large chunks (loaded rarely) get 9. */
const brotliQuality = (bytes: number) => (bytes > 500_000 ? 9 : 10);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) return filesUnder(path);
    return COMPRESSIBLE.test(name) && stats.size >= MIN_BYTES ? [path] : [];
  });
}

/**
 * Writes `.br` and `.gz` beside each compressible file under `dir` (each kept only when smaller than the file), the
 * files in parallel on libuv's thread pool; resolves with the files it compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = filesUnder(dir);
  await Promise.all(
    files.map(async (path) => {
      const data = await readFile(path);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length),
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(data, { level: 9 }),
      ]);
      if (br.length < data.length) await writeFile(`${path}.br`, br);
      if (gz.length < data.length) await writeFile(`${path}.gz`, gz);
    }),
  );
  return files;
}

/** The plugin: after the bundle is written, precompresses the output directory. */
export function precompress(): Plugin {
  let outDir = 'dist';
  // closeBundle: after every plugin's writeBundle (the server build deletes the mock's worker script there).
  return {
    name: 'directive-tracker-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}

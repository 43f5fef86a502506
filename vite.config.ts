import { rmSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { contentSecurityPolicy } from './server/http/csp.ts';
import { firstScreenPlugin } from './server/http/first-screen.ts';
import { precompress } from './server/http/precompress.ts';

function cspPlugin(apiUrl: string | undefined): Plugin {
  return {
    name: 'directive-tracker-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(apiUrl) },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/** The server build has no use for the mock's service worker script (public/mockServiceWorker.js). */
function dropMockWorker(): Plugin {
  return {
    name: 'directive-tracker-drop-mock-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      delete bundle['mockServiceWorker.js'];
    },
    writeBundle(options) {
      rmSync(join(options.dir ?? 'dist', 'mockServiceWorker.js'), { force: true });
    },
  };
}

/**
 * Two builds of one app. The default (`vite build`, mode production) is the server build: the API on the same
 * origin at /api/v1, no mock code, into dist/ (served by `npm start`). `--mode demo` is the static demo on the
 * in-browser mock API, into dist-demo/ (`npm run demo`). VITE_API_URL, when set, overrides either.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const demo = mode === 'demo' || mode === 'development';
  const apiUrl = process.env.VITE_API_URL ?? env.VITE_API_URL ?? (demo ? '' : '/api/v1');
  process.env.VITE_API_URL = apiUrl;
  return {
    plugins: [
      react(),
      cspPlugin(apiUrl || undefined),
      ...(apiUrl ? [dropMockWorker()] : []),
      // The static first screen and the overview's preloads in the server build; an empty #root elsewhere.
      firstScreenPlugin(apiUrl),
      // The server build's assets as .br/.gz beside each file, for the server's static handler.
      ...(demo ? [] : [precompress()]),
    ],
    define: { 'import.meta.env.VITE_API_URL': JSON.stringify(apiUrl) },
    // `npm run dev` runs on the in-browser mock; with VITE_API_URL=/api/v1 it talks to `npm start` on port 3000.
    server: {
      host: '127.0.0.1',
      port: 5173,
      proxy: apiUrl.startsWith('/') ? { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } : undefined,
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    build: {
      outDir: mode === 'demo' ? 'dist-demo' : 'dist',
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1200,
    },
  };
});

import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * The production build's Content-Security-Policy, as a <meta> tag so it works on any static host. No inline
 * script is needed (Vite emits module scripts only), so scripts are 'self' alone; style attributes written by
 * React/Recharts go through the CSSOM, which CSP does not restrict, but html-to-image (chart PNG export) inlines
 * styles, hence 'unsafe-inline' for styles only. Images from data:/blob: are the exported PNGs. The API origin is
 * added to connect-src when VITE_API_URL points elsewhere. (frame-ancestors cannot be set from a <meta>: set it as
 * a header on the host, see README.)
 */
export function contentSecurityPolicy(apiUrl: string | undefined): string {
  const apiOrigin = apiUrl ? new URL(apiUrl).origin : null;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

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

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [react(), cspPlugin(env.VITE_API_URL || undefined)],
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1200 },
  };
});

/**
 * The Content-Security-Policy of the app: a <meta> tag in the built index.html (so the static demo works on any
 * host) and a header from the server, which can also forbid framing. No inline script is needed (Vite emits module
 * scripts only), so scripts are 'self' alone; html-to-image (chart PNG export) inlines styles, hence
 * 'unsafe-inline' for styles only. Images from data:/blob: are the exported PNGs. The API origin is added to
 * connect-src when the API lives elsewhere.
 */
export function contentSecurityPolicy(apiUrl: string | undefined, options: { header?: boolean } = {}): string {
  // A path (the server build, `/api/v1`) is this origin: 'self' covers it.
  const apiOrigin = apiUrl && !apiUrl.startsWith('/') ? new URL(apiUrl).origin : null;
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
    // Only a header can forbid framing (browsers ignore frame-ancestors in a <meta>).
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** Headers on every response of the server (app, assets and API). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(undefined, { header: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

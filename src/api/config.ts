/**
 * Build-time configuration, checked once (without zod: this module is on the first screen's path). Without
 * VITE_API_URL the app runs on the embedded mock API (the demo build); `/api/v1` is the server build (the app and
 * the API from one origin); an absolute URL is another server.
 */
function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function apiUrlOf(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (/^\/[^/]/.test(value) || isUrl(value))) return value.replace(/\/+$/, '');
  throw new Error(`VITE_API_URL must be a URL or a path on this origin (e.g. /api/v1), not ${JSON.stringify(value)}`);
}

// `?.`: outside Vite and Vitest (the server run by tsx, which draws the overview with the app's components) there is
// no `import.meta.env`.
const apiUrl = apiUrlOf(import.meta.env?.VITE_API_URL);

export const config = {
  /** Base of the API, e.g. https://example.gov.vn/api/v1; same-origin /api/v1 on the mock. */
  apiBaseUrl: apiUrl ?? '/api/v1',
  useMockApi: apiUrl === undefined,
} as const;

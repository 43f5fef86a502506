import { z } from 'zod';

/**
 * Build-time configuration, parsed once. Without VITE_API_URL the app runs on the embedded mock API (the demo
 * build); `/api/v1` is the server build (the app and the API from one origin); an absolute URL is another server.
 */
const Env = z.object({
  VITE_API_URL: z
    .union([z.url(), z.string().regex(/^\/[^/]/, 'a path on this origin, e.g. /api/v1'), z.literal('')])
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined)),
});

const env = Env.parse({ VITE_API_URL: import.meta.env.VITE_API_URL });

export const config = {
  /** Base of the API, e.g. https://example.gov.vn/api/v1; same-origin /api/v1 on the mock. */
  apiBaseUrl: env.VITE_API_URL ?? '/api/v1',
  useMockApi: env.VITE_API_URL === undefined,
} as const;

/**
 * The server's configuration, parsed once from the environment by zod. A bad value stops the start with a
 * sentence that names the variable.
 */
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be file:PATH (SQLite) or postgres://USER:PASSWORD@HOST/DB')
    .default('file:./data/directive-tracker.sqlite'),
  /** The built app (`npm run build`). */
  STATIC_DIR: z.string().min(1).default('dist'),
  /** Load the sample data into an empty database on start (1, the default) or not (0). */
  SAMPLE_DATA: z.enum(['0', '1']).default('1'),
  /** Fixes the date timeliness is evaluated at (tests and demos); by default today in Vietnam. */
  TODAY: z.iso.date().optional(),
  /** Seconds a stopping server waits for requests in flight before closing the database anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** The first admin's user name, created on the first start (an empty user table). */
  ADMIN_USER: z.string().min(3).max(40).default('admin'),
  /** The first admin's password (≥ 12 characters, not a common one); unset: a random one, printed once. */
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  /** 1: reads need no session (a public dashboard); writes always do. */
  PUBLIC_READ: z.enum(['0', '1']).default('0'),
  /** 1: the server is behind a reverse proxy whose X-Forwarded-Proto/-Host/-For are to be believed. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Hours a session lasts after its last use. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.05)
    .max(24 * 30)
    .default(12),
});
export type ServerConfig = z.output<typeof Env>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  // An empty variable counts as unset (e.g. `PORT= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration in the environment:\n  ${lines.join('\n  ')}`);
}

/** The database engine a DATABASE_URL selects. */
export const engineOf = (url: string): 'sqlite' | 'postgres' => (url.startsWith('file:') ? 'sqlite' : 'postgres');

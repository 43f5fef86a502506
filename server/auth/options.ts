/** What the auth layer is configured with (server/config.ts in Node; defaults for the demo and tests). */
import { type PasswordHasher, pbkdf2Hasher } from './passwords';

export interface AuthOptions {
  /** PUBLIC_READ=1: reads need no session (a public dashboard); writes still do. */
  publicRead: boolean;
  /** TRUST_PROXY=1: believe X-Forwarded-Proto/-Host/-For from the reverse proxy in front. */
  trustProxy: boolean;
  /** A user's session lasts this long after its last use (sliding). */
  sessionTtlMs: number;
  /** A wall screen's display session lasts this long after its last use. */
  displayTtlMs: number;
  passwords: PasswordHasher;
  /** The clock (tests move it). */
  now: () => number;
  /** Failed sign-ins before 429: per account and per address, within `windowMs`. */
  limits: { perAccount: number; perAddress: number; windowMs: number };
}

export const HOUR = 60 * 60 * 1000;

export function resolveAuthOptions(options: Partial<AuthOptions> = {}): AuthOptions {
  return {
    publicRead: false,
    trustProxy: false,
    sessionTtlMs: 12 * HOUR,
    displayTtlMs: 30 * 24 * HOUR,
    passwords: options.passwords ?? pbkdf2Hasher(),
    now: Date.now,
    ...options,
    limits: { perAccount: 5, perAddress: 20, windowMs: HOUR / 4, ...options.limits },
  };
}

/**
 * Password hashing behind one small interface. Hashes describe themselves (`pbkdf2-sha256$iterations$salt$hash`,
 * `scrypt$N$r$p$salt$hash`), so a store can hold either. This file is WebCrypto PBKDF2 (Node and browser: the demo);
 * the server uses scrypt from node:crypto (passwords-node.ts), which also verifies PBKDF2 hashes.
 */
import { constantTimeEqual, fromHex, toHex } from './crypto';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  return toHex(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

export async function verifyPbkdf2(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations) || iterations < 1) return false;
  return constantTimeEqual(await pbkdf2(password, fromHex(salt), iterations), hash);
}

export function pbkdf2Hasher(iterations = PBKDF2_ITERATIONS): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
      return `pbkdf2-sha256$${iterations}$${toHex(salt)}$${await pbkdf2(password, salt, iterations)}`;
    },
    verify: verifyPbkdf2,
  };
}

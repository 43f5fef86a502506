/**
 * scrypt from node:crypto (the server's hasher): N=2^15, r=8, p=1 (32 MiB, OWASP's recommendation), 16-byte salt,
 * 32-byte key. Verifies the PBKDF2 hashes of passwords.ts too. Node only: the browser demo never imports this.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { type PasswordHasher, verifyPbkdf2 } from './passwords';

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

export function scryptHasher(cost: { N: number; r: number; p: number } = { N: 2 ** 15, r: 8, p: 1 }): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('hex')}$${key.toString('hex')}`;
    },
    async verify(password, stored) {
      if (stored.startsWith('pbkdf2-sha256$')) return verifyPbkdf2(password, stored);
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      const N = Number(n);
      const R = Number(r);
      const P = Number(p);
      if (scheme !== 'scrypt' || !salt || !hash || ![N, R, P].every((x) => Number.isInteger(x) && x > 0)) return false;
      const key = await derive(password, Buffer.from(salt, 'hex'), { N, r: R, p: P });
      const expected = Buffer.from(hash, 'hex');
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}

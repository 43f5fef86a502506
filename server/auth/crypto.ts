/**
 * Tokens and hashes on WebCrypto, so the same code runs in Node and, for the demo, in the browser (which needs a
 * secure context: https or localhost).
 */

/** A random token: `bytes` random bytes as base64url (no padding). */
export function randomToken(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const b of raw) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < out.length; i += 1) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Node's own crypto module when running in Node (20.16+ has process.getBuiltinModule), so this file still bundles
 * for the browser: WebCrypto's digest is a job on the thread pool, ≈10 % of the CPU of a cached read under load
 * (every request hashes its session cookie), where a synchronous hash of 43 bytes takes a microsecond.
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;

/** SHA-256 of a string, hex: how session and display tokens are stored (a stolen table opens nothing). */
export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return sha256HexWebCrypto(text);
}

/** sha256Hex on WebCrypto (the browser's path). */
export async function sha256HexWebCrypto(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// @vitest-environment node
/** Token hashes: Node's synchronous hash (the server) and WebCrypto's (the browser demo) store the same digest. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomToken, sha256Hex, sha256HexWebCrypto } from '../../server/auth/crypto';

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text, as WebCrypto computes it', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant(randomToken())), async (text) => {
        expect(await sha256Hex(text)).toBe(await sha256HexWebCrypto(text));
      }),
      { numRuns: 200 },
    );
  });
});

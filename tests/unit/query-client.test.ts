import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client';
import { shouldRetry } from '../../src/app/query-client';

describe('shouldRetry (reads)', () => {
  it('retries server errors and lost connections three times', () => {
    const e500 = new ApiError('http', 'HTTP 500', 500);
    const network = new ApiError('network', 'Network error');
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, e500))).toEqual([true, true, true, false]);
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, network))).toEqual([true, true, true, false]);
  });

  it('does not retry what retrying cannot fix or what already made the user wait', () => {
    expect(shouldRetry(0, new ApiError('http', 'HTTP 404', 404))).toBe(false);
    expect(shouldRetry(0, new ApiError('invalid_response', 'not JSON', 200))).toBe(false);
    // A timeout has already waited the client's 15 s: retrying it would show the message after a minute.
    expect(shouldRetry(0, new ApiError('timeout', 'Request timed out'))).toBe(false);
  });
});

import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/**
 * Reads retry with backoff, except when retrying cannot help (4xx, a response that breaks the contract) or would
 * keep the user waiting: a timeout has already waited the client's full timeout, and three more would show the
 * message only after a minute; the message comes at once, with its retry button.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) {
    if (error.kind === 'invalid_response' || error.kind === 'timeout') return false;
    if (error.kind === 'http' && error.status !== null && error.status < 500) return false;
  }
  return failureCount < 3;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 10_000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      // Writes are never retried without the user.
      mutations: { retry: false },
    },
  });
}

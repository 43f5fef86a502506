import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest } from './client';
import { config } from './config';
import { MockStorageStatus } from './mock-storage';

/**
 * The embedded mock API's demo controls (dataset size). Not part of the contract: a real server has no
 * `/_mock`, and the app then shows no demo controls.
 */
export const MockSettings = z.object({
  dataset: z.string(),
  datasets: z.array(z.string()),
  taskCount: z.int().nonnegative(),
  articleCount: z.int().nonnegative(),
  today: z.iso.date(),
  /** How edits are kept in the browser, and whether a stored copy had to be set aside (mocks/persistence.ts). */
  storage: MockStorageStatus.optional(),
  /** The fault scenario in force (mocks/scenarios.ts), for demonstrating error states. */
  scenario: z.string().optional(),
  scenarios: z.array(z.string()).optional(),
});
export type MockSettings = z.infer<typeof MockSettings>;

export const mockSettingsQueries = {
  all: () => ['mock-settings'] as const,
  current: () =>
    queryOptions({
      queryKey: mockSettingsQueries.all(),
      queryFn: ({ signal }) => apiGet('/_mock', MockSettings, { signal }),
      enabled: config.useMockApi,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    }),
};

export function useMockSettings() {
  return useQuery(mockSettingsQueries.current());
}

export function useSetMockDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dataset: string) =>
      apiRequest('PUT', '/_mock', MockSettings, { body: { dataset }, timeoutMs: 120_000 }),
    onSuccess: (settings) => {
      client.setQueryData(mockSettingsQueries.current().queryKey, settings);
      // Everything else was computed over the previous dataset.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mockSettingsQueries.all()[0] });
    },
  });
}

/** Switches the mock's fault scenario (slow, failing, malformed, hostile data…), for demonstrations. */
export function useSetMockScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scenario: string) =>
      apiRequest('PUT', '/_mock', MockSettings, { body: { scenario }, timeoutMs: 120_000 }),
    onSuccess: (settings) => {
      client.setQueryData(mockSettingsQueries.current().queryKey, settings);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mockSettingsQueries.all()[0] });
    },
  });
}

/** "Khôi phục dữ liệu mẫu": the mock forgets every edit and rebuilds the sample data. */
export function useResetMockData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('POST', '/_mock/reset', MockSettings, { timeoutMs: 120_000 }),
    onSuccess: (settings) => {
      client.setQueryData(mockSettingsQueries.current().queryKey, settings);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mockSettingsQueries.all()[0] });
    },
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './client';
import { config } from './config';

/** The embedded mock API's demo controls (./mock-settings-schemas.ts); none on a real server. */
export type { MockSettings } from './mock-settings-schemas';

export const mockSettingsQueries = {
  all: () => ['mock-settings'] as const,
  current: () =>
    queryOptions({
      queryKey: mockSettingsQueries.all(),
      queryFn: ({ signal }) => apiGet('/_mock', (c) => c.MockSettings, { signal }),
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
      apiRequest('PUT', '/_mock', (c) => c.MockSettings, { body: { dataset }, timeoutMs: 120_000 }),
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
      apiRequest('PUT', '/_mock', (c) => c.MockSettings, { body: { scenario }, timeoutMs: 120_000 }),
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
    mutationFn: () => apiRequest('POST', '/_mock/reset', (c) => c.MockSettings, { timeoutMs: 120_000 }),
    onSuccess: (settings) => {
      client.setQueryData(mockSettingsQueries.current().queryKey, settings);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mockSettingsQueries.all()[0] });
    },
  });
}

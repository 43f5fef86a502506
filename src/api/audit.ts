/** The audit trail, `GET /audit` (admin only): newest first, filtered and paged. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { AuditPage, type AuditQuery } from './session-schemas';

export type AuditFilters = Partial<Omit<AuditQuery, 'page' | 'pageSize'>>;

export const auditQueries = {
  all: () => ['audit'] as const,
  list: (filters: AuditFilters, page: number, pageSize = 25) =>
    queryOptions({
      queryKey: [...auditQueries.all(), filters, page, pageSize] as const,
      queryFn: ({ signal }) => apiGet('/audit', AuditPage, { query: { ...filters, page, pageSize }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useAudit = (filters: AuditFilters, page: number) => useQuery(auditQueries.list(filters, page));

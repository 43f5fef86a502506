import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** A clear message in the interface's language for any error a query or mutation can raise. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'network':
        return t('errors.network');
      case 'timeout':
        return t('errors.timeout');
      case 'invalid_response':
        return t('errors.invalid_response');
      case 'http': {
        const status = error.status ?? 0;
        if (status === 400) return t('errors.http_400', { detail: error.problem?.detail ?? error.message });
        if (status === 404) return t('errors.http_404');
        if (status >= 500) return t('errors.http_5xx', { status });
        return t('errors.http_other', { status });
      }
    }
  }
  return t('errors.unknown');
}

import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../components/ui/error-text';

/** A failed admin write as one sentence per field, in the interface language. */
export function adminErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.problem?.errors?.length) {
    return error.problem.errors
      .map(
        (e) =>
          `${e.name}: ${t(`accounts.errors.${e.reason as 'invalid'}`, { defaultValue: t('accounts.errors.invalid') })}`,
      )
      .join(' ');
  }
  return errorText(error, t);
}

/** An instant in Vietnam time, e.g. 26/11/2026 08:05:09. */
export function formatInstant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

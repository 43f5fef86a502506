import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';

/** Intl formatters for the current language (vi-VN by default). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
    return {
      locale,
      number: (n: number) => integer.format(n),
      percent: (ratio: number) => percent.format(Number.isFinite(ratio) ? ratio : 0),
      /** YYYY-MM-DD → 30/06/2022 */
      date: (iso: string) => date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
      /** YYYY-MM → 03/2022 (the form both Vietnamese and British readers use for a month). */
      month: (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`,
      time: (at: Date | number) => time.format(at),
    };
  }, [locale]);
}

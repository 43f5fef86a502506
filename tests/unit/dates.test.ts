// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, monthRange, todayInVietnam } from '../../src/domain/dates';

describe('dates', () => {
  it('does calendar arithmetic in whole days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2022-06-30', 1)).toBe('2022-07-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
  });

  it('adds days as Date does, over the whole range of four-digit years and beyond', () => {
    const viaDate = (iso: string, days: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
    };
    const starts = ['1970-01-01', '2000-02-29', '2024-12-31', '1900-03-01', '0000-01-01', '9999-12-31'];
    for (const start of starts) {
      for (let days = -800; days <= 800; days += 1) expect(addDays(start, days)).toBe(viaDate(start, days));
    }
    // Every day from year 0 to 9999 in steps that visit every month end and leap day over the years.
    for (let days = 0; days <= 3_652_424; days += 97) {
      expect(addDays('0000-01-01', days)).toBe(viaDate('0000-01-01', days));
    }
    expect(addDays('9999-12-31', 1)).toBe(viaDate('9999-12-31', 1));
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });

  it('lists months inclusively across years', () => {
    expect(monthRange('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthRange('2022-03', '2022-03')).toEqual(['2022-03']);
  });

  it('takes today in Vietnam’s time zone (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-26T16:59:00Z'))).toBe('2026-11-26');
    expect(todayInVietnam(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });
});

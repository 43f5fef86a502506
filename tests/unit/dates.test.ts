// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, monthRange, todayInVietnam } from '../../src/domain/dates';

describe('dates', () => {
  it('does calendar arithmetic in whole days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2022-06-30', 1)).toBe('2022-07-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
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

import { describe, expect, it } from 'vitest';
import { dateTextProblem, formatDmy, parseDmy } from '../../src/components/forms/date-input';

describe('a date typed day first', () => {
  it('reads dd/mm/yyyy and its usual variants as YYYY-MM-DD', () => {
    expect(parseDmy('30/06/2022')).toBe('2022-06-30');
    expect(parseDmy(' 5/3/2026 ')).toBe('2026-03-05');
    expect(parseDmy('05-03-2026')).toBe('2026-03-05');
    expect(parseDmy('05.03.2026')).toBe('2026-03-05');
    expect(parseDmy('05032026')).toBe('2026-03-05');
    expect(parseDmy('29/02/2024')).toBe('2024-02-29');
  });

  it('gives an empty field as no date, and refuses what is no day', () => {
    expect(parseDmy('')).toBe('');
    expect(parseDmy('   ')).toBe('');
    for (const bad of [
      '30/06',
      '3/5/26',
      '31/06/2022',
      '29/02/2023',
      '00/01/2022',
      '12/13/2022',
      '2022-06-30',
      'abc',
    ]) {
      expect(parseDmy(bad), bad).toBeNull();
    }
  });

  it('writes YYYY-MM-DD back as dd/mm/yyyy, as the app shows every date', () => {
    expect(formatDmy('2022-06-30')).toBe('30/06/2022');
    expect(formatDmy('')).toBe('');
    expect(parseDmy(formatDmy('2026-12-07'))).toBe('2026-12-07');
  });

  it('says what is wrong with a typed date, for a form to show and refuse', () => {
    expect(dateTextProblem('')).toBeNull();
    expect(dateTextProblem('30/06/2026', '2026-01-01', '2026-11-26')).toBeNull();
    expect(dateTextProblem('5/3')).toBe('format');
    expect(dateTextProblem('32/01/2026')).toBe('format');
    expect(dateTextProblem('12/13/2026')).toBe('format');
    expect(dateTextProblem('31/06/2026')).toBe('no_such_day');
    expect(dateTextProblem('29022026')).toBe('no_such_day');
    expect(dateTextProblem('31/12/2025', '2026-01-01')).toBe('before_min');
    expect(dateTextProblem('27/11/2026', undefined, '2026-11-26')).toBe('after_max');
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/dates';
import {
  lastDayOfMonth,
  matchPeriod,
  monthPeriod,
  parsePeriodId,
  periodContaining,
  periodId,
  periodPresets,
  quarterPeriod,
  yearPeriod,
} from '../../src/domain/periods';

describe('periods', () => {
  it('knows the last day of every month, leap years included', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2022, 12)).toBe('2022-12-31');
    expect(lastDayOfMonth(2022, 4)).toBe('2022-04-30');
  });

  it('spans quý II/2022 from 1 April to 30 June', () => {
    expect(quarterPeriod(2022, 2)).toEqual({
      kind: 'quarter',
      year: 2022,
      index: 2,
      from: '2022-04-01',
      to: '2022-06-30',
    });
    expect(quarterPeriod(2022, 4).to).toBe('2022-12-31');
    expect(() => quarterPeriod(2022, 5)).toThrow(RangeError);
    expect(() => monthPeriod(2022, 0)).toThrow(RangeError);
  });

  it('finds the month, quarter and year containing a date', () => {
    expect(periodContaining('month', '2026-11-26')).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodContaining('quarter', '2026-11-26')).toMatchObject({ index: 4, from: '2026-10-01' });
    expect(periodContaining('quarter', '2022-03-22')).toMatchObject({ index: 1, to: '2022-03-31' });
    expect(periodContaining('year', '2022-03-22')).toEqual(yearPeriod(2022));
  });

  it('offers this month, this quarter, this year, and quarters and years newest first', () => {
    const presets = periodPresets('2026-11-26', { yearsBack: 5, yearsAhead: 1 });
    expect(presets.thisMonth).toMatchObject({ kind: 'month', year: 2026, index: 11 });
    expect(presets.thisQuarter).toMatchObject({ kind: 'quarter', year: 2026, index: 4 });
    expect(presets.thisYear).toMatchObject({ kind: 'year', year: 2026 });
    expect(presets.years.map((y) => y.year)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(presets.quarters).toHaveLength(28);
    expect(presets.quarters[0]).toMatchObject({ year: 2027, index: 4 });
    expect(presets.quarters.at(-1)).toMatchObject({ year: 2021, index: 1 });
    expect(presets.quarters.map(periodId)).toContain('quarter:2022-2');
  });

  it('recognises a range that is exactly one period, preferring the widest', () => {
    expect(matchPeriod('2022-04-01', '2022-06-30')).toEqual(quarterPeriod(2022, 2));
    expect(matchPeriod('2022-01-01', '2022-12-31')).toEqual(yearPeriod(2022));
    expect(matchPeriod('2022-02-01', '2022-02-28')).toEqual(monthPeriod(2022, 2));
    expect(matchPeriod('2022-04-01', '2022-06-29')).toBeNull();
    expect(matchPeriod('2022-04-01', undefined)).toBeNull();
    expect(matchPeriod('2021-10-01', '2022-03-31')).toBeNull();
  });

  it('round-trips identifiers and rejects malformed ones', () => {
    for (const p of [monthPeriod(2026, 11), quarterPeriod(2022, 2), yearPeriod(2021)]) {
      expect(parsePeriodId(periodId(p))).toEqual(p);
    }
    expect(parsePeriodId('quarter:2022-5')).toBeNull();
    expect(parsePeriodId('year:2022-1')).toBeNull();
    expect(parsePeriodId('quarter:2022')).toBeNull();
    expect(parsePeriodId('week:2022-1')).toBeNull();
  });

  it('every period contains its own days and tiles the year without gaps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 365 }), (year, offset) => {
        const day = addDays(`${year}-01-01`, offset);
        for (const kind of ['month', 'quarter', 'year'] as const) {
          const p = periodContaining(kind, day);
          expect(p.from <= day && day <= p.to).toBe(true);
          expect(matchPeriod(p.from, p.to)).toEqual(p);
        }
        const quarters = [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
        for (let i = 1; i < 4; i += 1) expect(daysBetween(quarters[i - 1]!.to, quarters[i]!.from)).toBe(1);
      }),
    );
  });
});

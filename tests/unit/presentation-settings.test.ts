// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampSeconds,
  DEFAULT_SETTINGS,
  DURATION,
  formatSlides,
  moveSlide,
  PresentationSearch,
  parseSlides,
  pickerItems,
  REFRESH,
  resolveSettings,
  SLIDE_KINDS,
  settingsToSearch,
  toggleSlide,
} from '../../src/features/presentation/utils/settings';

describe('the show settings in the URL', () => {
  it('reads a well-formed bookmark', () => {
    const search = PresentationSearch.parse({
      slides: 'overdue,kpi',
      duration: 30,
      refresh: 120,
      theme: 'light',
      rank: 'overdue',
      paused: true,
    });
    expect(resolveSettings(search)).toEqual({
      slides: ['overdue', 'kpi'],
      duration: 30,
      refresh: 120,
      theme: 'light',
      rank: 'overdue',
      paused: true,
    });
  });

  it('drops each malformed value on its own and keeps the rest', () => {
    const search = PresentationSearch.parse({
      slides: 42,
      duration: 'abc',
      refresh: 5, // below the minimum
      theme: 'neon',
      rank: 'overdue',
      paused: 'maybe',
    });
    expect(search).toEqual({
      slides: undefined,
      duration: undefined,
      refresh: undefined,
      theme: undefined,
      rank: 'overdue',
      paused: undefined,
    });
    const settings = resolveSettings(search);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, rank: 'overdue' });
  });

  it('accepts numbers and flags written as text (a link typed by hand)', () => {
    const search = PresentationSearch.parse({ duration: '45', refresh: '600', paused: 'true' });
    expect(resolveSettings(search)).toMatchObject({ duration: 45, refresh: 600, paused: true });
    expect(PresentationSearch.parse({ paused: '0' }).paused).toBe(false);
  });

  it('bounds the durations', () => {
    expect(PresentationSearch.parse({ duration: DURATION.min }).duration).toBe(DURATION.min);
    expect(PresentationSearch.parse({ duration: DURATION.max }).duration).toBe(DURATION.max);
    expect(PresentationSearch.parse({ duration: DURATION.max + 1 }).duration).toBeUndefined();
    expect(PresentationSearch.parse({ duration: 7.5 }).duration).toBeUndefined();
    expect(PresentationSearch.parse({ refresh: REFRESH.max + 1 }).refresh).toBeUndefined();
    expect(clampSeconds(2, DURATION)).toBe(DURATION.min);
    expect(clampSeconds(9999, DURATION)).toBe(DURATION.max);
    expect(clampSeconds(Number.NaN, DURATION)).toBe(DURATION.min);
  });

  it('parses the slide list leniently: unknown names and repeats dropped, an empty list means every slide', () => {
    expect(parseSlides('kpi, donut;kpi|bogus  OVERDUE')).toEqual(['kpi', 'donut', 'overdue']);
    expect(parseSlides('bogus')).toEqual([...SLIDE_KINDS]);
    expect(parseSlides('')).toEqual([...SLIDE_KINDS]);
    expect(parseSlides(undefined)).toEqual([...SLIDE_KINDS]);
    expect(PresentationSearch.parse({ slides: ['kpi', 'flagship'] }).slides).toBe('kpi,flagship');
  });

  it('never throws and always yields a non-empty list of distinct kinds (any input)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const settings = resolveSettings(PresentationSearch.parse({ slides: raw, duration: raw, theme: raw }));
        expect(settings.slides.length).toBeGreaterThan(0);
        expect(new Set(settings.slides).size).toBe(settings.slides.length);
        for (const k of settings.slides) expect(SLIDE_KINDS).toContain(k);
        expect(settings.duration).toBeGreaterThanOrEqual(DURATION.min);
      }),
    );
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(settingsToSearch(DEFAULT_SETTINGS)).toEqual({
      slides: undefined,
      duration: undefined,
      refresh: undefined,
      theme: undefined,
      rank: undefined,
      paused: undefined,
    });
    const custom = { ...DEFAULT_SETTINGS, slides: ['flagship', 'kpi'] as const, duration: 8, theme: 'light' as const };
    const written = settingsToSearch({ ...custom, slides: [...custom.slides] });
    expect(written).toMatchObject({ slides: 'flagship,kpi', duration: 8, theme: 'light' });
    expect(resolveSettings(PresentationSearch.parse(written))).toEqual({ ...custom, slides: ['flagship', 'kpi'] });
    expect(formatSlides([...SLIDE_KINDS])).toBeUndefined();
  });

  it('includes, excludes and reorders slides, never leaving the show empty', () => {
    expect(toggleSlide(['kpi', 'donut'], 'overdue', true)).toEqual(['kpi', 'donut', 'overdue']);
    expect(toggleSlide(['kpi', 'donut'], 'kpi', false)).toEqual(['donut']);
    expect(toggleSlide(['kpi'], 'kpi', false)).toEqual(['kpi']);
    expect(moveSlide(['kpi', 'donut', 'overdue'], 'overdue', -1)).toEqual(['kpi', 'overdue', 'donut']);
    expect(moveSlide(['kpi', 'donut'], 'kpi', -1)).toEqual(['kpi', 'donut']);
    expect(moveSlide(['kpi', 'donut'], 'donut', 1)).toEqual(['kpi', 'donut']);
    expect(moveSlide(['kpi', 'donut'], 'flagship', 1)).toEqual(['kpi', 'donut']);
    expect(pickerItems(['overdue', 'kpi'])).toEqual([
      { kind: 'overdue', included: true },
      { kind: 'kpi', included: true },
      { kind: 'donut', included: false },
      { kind: 'ranking', included: false },
      { kind: 'flagship', included: false },
      { kind: 'localities', included: false },
    ]);
  });
});

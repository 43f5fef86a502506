// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../src/features/presentation/utils/settings';
import { contrastRatio, TEXT_PAIRS, THEME_TOKENS, themeStyle } from '../../src/features/presentation/utils/themes';

describe('presentation themes', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(() => contrastRatio('red', '#fff')).toThrow();
  });

  for (const theme of THEMES) {
    it(`the ${theme} theme reaches 7:1 (WCAG AAA) for every text colour on every background`, () => {
      const tokens = THEME_TOKENS[theme];
      const failures = TEXT_PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(tokens[fg], tokens[bg]) })).filter(
        (p) => p.ratio < 7,
      );
      expect(failures).toEqual([]);
    });

    it(`the ${theme} theme sets every token as a custom property`, () => {
      const style = themeStyle(theme) as Record<string, string>;
      for (const [key, value] of Object.entries(THEME_TOKENS[theme])) expect(style[`--p-${key}`]).toBe(value);
    });
  }
});

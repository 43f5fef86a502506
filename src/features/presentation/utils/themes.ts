/**
 * The show's two high-contrast themes, as CSS custom properties set on the show's root. Every text colour reaches
 * at least 7:1 (WCAG AAA) on the backgrounds it is drawn on; tests/unit/presentation-themes.test.ts checks it.
 */
import type { CSSProperties } from 'react';
import type { PresentationTheme } from './settings';

export interface ThemeTokens {
  /** Slide background. */
  bg: string;
  /** Tiles and panels drawn on the background. */
  surface: string;
  text: string;
  muted: string;
  /** Numbers that mean "late". */
  danger: string;
  /** The stale-data marker. */
  warning: string;
  accent: string;
  /** Lines and tracks (not text). */
  border: string;
  track: string;
}

export const THEME_TOKENS: Record<PresentationTheme, ThemeTokens> = {
  dark: {
    bg: '#0a1220',
    surface: '#142136',
    text: '#ffffff',
    muted: '#d3dbe6',
    danger: '#ffb48f',
    warning: '#ffd37a',
    accent: '#8fd0ff',
    border: '#4a5f80',
    track: '#2b3c58',
  },
  light: {
    bg: '#ffffff',
    surface: '#eef2f7',
    text: '#0a1220',
    muted: '#333f4e',
    danger: '#8f2900',
    warning: '#6b3f00',
    accent: '#0a4f94',
    border: '#8796a8',
    track: '#d4dce6',
  },
};

/** Text colours and the backgrounds each is drawn on. */
export const TEXT_PAIRS: ReadonlyArray<[keyof ThemeTokens, keyof ThemeTokens]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['warning', 'bg'],
  ['warning', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
];

export function themeStyle(theme: PresentationTheme): CSSProperties {
  const t = THEME_TOKENS[theme];
  return {
    '--p-bg': t.bg,
    '--p-surface': t.surface,
    '--p-text': t.text,
    '--p-muted': t.muted,
    '--p-danger': t.danger,
    '--p-warning': t.warning,
    '--p-accent': t.accent,
    '--p-border': t.border,
    '--p-track': t.track,
    colorScheme: theme,
  } as CSSProperties;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => channel(Number.parseInt(h ?? '0', 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

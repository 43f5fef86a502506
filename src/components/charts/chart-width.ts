import { createContext } from 'react';

/**
 * The width a chart's drawing box had when the reader last saw the overview, kept in a cookie so the server can draw
 * the overview's first screen at that width (server/http/first-screen-render.tsx, issue 16). The four charts of the
 * overview share one width at any viewport (two columns, or one on a phone).
 */
export const CHART_WIDTH_COOKIE = 'dt-chart-width';
/** The width drawn for a first visit: the charts' box in the 1,366 px wide layout (the usual office screen). */
export const DEFAULT_CHART_WIDTH = 609;
const MIN = 200;
const MAX = 2400;

/** The width in the cookie header, when it is a plausible one; else the default. */
export function chartWidthFromCookie(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= MIN && n <= MAX ? n : DEFAULT_CHART_WIDTH;
}

let remembered: number | null = null;

/** Remembers a measured chart width for the next visit (once per change; nothing when cookies are unavailable). */
export function rememberChartWidth(width: number): void {
  if (width === remembered || width < MIN || width > MAX || typeof document === 'undefined') return;
  remembered = width;
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: one number, written once per change of width; the Cookie Store API is not in every browser the app supports
    document.cookie = `${CHART_WIDTH_COOKIE}=${width}; path=/; max-age=31536000; samesite=lax`;
  } catch {
    // Cookies blocked: the server draws the default width, and the app redraws at the real one.
  }
}

/**
 * The width to draw at before the box has been measured: only set where nothing can be measured (the server's
 * render of the first screen). The drawing then scales down to fit a narrower box until the app measures it.
 */
export const InitialChartWidthContext = createContext<number | null>(null);

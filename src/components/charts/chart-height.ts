import { createContext } from 'react';

/**
 * The height of the chart card's drawing box, in px (set by ChartCard). Its own module: the card and the overview's
 * SVG charts must not import Recharts (chart-frame.tsx) to read it.
 */
export const ChartHeightContext = createContext<number | null>(null);

import { type ReactElement, useContext } from 'react';
import { ResponsiveContainer } from 'recharts';
import { ChartHeightContext } from './chart-height';
import { PRINT_CHART_WIDTH, PRINT_FULL_CHART_WIDTH, usePrinting } from './print-media';

/**
 * Recharts' ResponsiveContainer, filling the chart card's drawing box on screen; while the page prints it draws at
 * the printed report's column width (or the page's, for a chart `wide` on paper) and the card's height (a chart
 * drawn for the screen would be cut or shrunk on paper).
 */
export function ChartFrame({ children, wide = false }: { children: ReactElement; wide?: boolean }) {
  const printing = usePrinting();
  // The box's height may change for paper too (fewer px per bar), and is not measured while printing either.
  const height = useContext(ChartHeightContext);
  return (
    <ResponsiveContainer
      width={printing ? (wide ? PRINT_FULL_CHART_WIDTH : PRINT_CHART_WIDTH) : '100%'}
      height={printing && height ? height : '100%'}
    >
      {children}
    </ResponsiveContainer>
  );
}

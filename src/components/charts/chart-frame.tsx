import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { PRINT_CHART_WIDTH, usePrinting } from './print-media';

/**
 * Recharts' ResponsiveContainer, filling the chart card's drawing box on screen; while the page prints it draws at
 * the printed report's column width (a chart drawn for the screen would be cut or shrunk on paper).
 */
export function ChartFrame({ children }: { children: ReactElement }) {
  const printing = usePrinting();
  return (
    <ResponsiveContainer width={printing ? PRINT_CHART_WIDTH : '100%'} height="100%">
      {children}
    </ResponsiveContainer>
  );
}

/**
 * The overview's charts are drawn by small SVG components of our own, not by Recharts (issue 16): Recharts and its
 * dependencies are ~120 kB gzip of JavaScript that had to be parsed, compiled and run before the first chart frame,
 * on the screen a leader opens first. These pieces do what the overview needs of a chart library: the drawing box's
 * width (measured before the first paint, the printed column's while printing), "nice" axis ticks, the axes and grid
 * drawn as Recharts drew them, and a tooltip that follows the pointer.
 */
import { createContext, type ReactNode, useContext, useLayoutEffect, useRef, useState } from 'react';
import { ChartHeightContext } from './chart-height';
import { InitialChartWidthContext, rememberChartWidth } from './chart-width';
import { isPrinting, PRINT_CHART_WIDTH, PRINT_FULL_CHART_WIDTH, usePrinting } from './print-media';

/** Axis and grid strokes (Recharts' defaults, so the overview looks as it did). */
export const AXIS_STROKE = '#666';
export const GRID_STROKE = '#ccc';
/** Length of an axis' tick marks, and the gap between a mark and its label. */
export const TICK_SIZE = 6;
export const TICK_MARGIN = 2;
/** An axis' tick values: grey, over the stylesheet's text colour (as Recharts drew them). */
export const TICK_STYLE = { fill: AXIS_STROKE } as const;
/** The shade over the row or period under the pointer (Recharts' tooltip cursor). */
export const CURSOR_FILL = 'rgba(0,0,0,0.05)';

/** What the chart shows under the pointer: the content and where (px in the drawing box). */
export interface ChartHover {
  x: number;
  y: number;
  content: ReactNode;
}

const HoverContext = createContext<(hover: ChartHover | null) => void>(() => {});

/** Shows (or hides, with null) the chart's tooltip; for the shapes inside an <SvgChart>. */
export function useChartHover(): (hover: ChartHover | null) => void {
  return useContext(HoverContext);
}

/**
 * The drawing box of a chart: its width measured before the browser paints (so the first frame already has the
 * chart), followed with a ResizeObserver; while the page prints, the printed column's width (a printing browser lays
 * the page out without the box being measured again). The height is the chart card's. `children` draws at that size.
 */
export function SvgChart({
  wide = false,
  className,
  children,
}: {
  wide?: boolean;
  className?: string;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const printing = usePrinting();
  const cardHeight = useContext(ChartHeightContext);
  const initialWidth = useContext(InitialChartWidthContext);
  const box = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<{ width: number; height: number } | null>(null);
  const [hover, setHover] = useState<ChartHover | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      setMeasured((m) => (m && m.width === width && m.height === height ? m : { width, height }));
      if (!isPrinting()) rememberChartWidth(width);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const width = printing ? (wide ? PRINT_FULL_CHART_WIDTH : PRINT_CHART_WIDTH) : (measured?.width ?? initialWidth ?? 0);
  const height = (printing ? cardHeight : (cardHeight ?? measured?.height)) ?? 0;
  const drawing = width > 0 && height > 0 ? children({ width, height }) : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways
    <div
      ref={box}
      className="svg-chart"
      style={{ position: 'relative', width: printing ? width : '100%', height: printing ? height : '100%' }}
      onMouseLeave={() => setHover(null)}
    >
      {drawing ? (
        <HoverContext.Provider value={setHover}>
          <svg
            className={`chart-svg ${className ?? ''}`}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            // Drawn before any measure (the server's first screen): scaled down to a narrower box, never cut.
            style={measured || printing ? undefined : { maxWidth: '100%', height: 'auto' }}
            role="presentation"
            focusable="false"
          >
            {drawing}
          </svg>
        </HoverContext.Provider>
      ) : null}
      {hover && !printing ? <ChartTooltipBox hover={hover} width={width} height={height} /> : null}
    </div>
  );
}

/**
 * The tooltip beside the pointer, kept inside the chart's box: flipped to the left near its right edge, and above the
 * pointer in its lower part (below it, it covered the legend or ran past the card's edge).
 */
function ChartTooltipBox({ hover, width, height }: { hover: ChartHover; width: number; height: number }) {
  const left = hover.x + 12;
  const flip = hover.x > width * 0.6;
  const above = hover.y > height * 0.5;
  return (
    <div
      className="svg-chart-tooltip"
      style={{
        position: 'absolute',
        top: above ? undefined : Math.max(0, hover.y + 12),
        bottom: above ? Math.max(0, height - hover.y + 12) : undefined,
        left: flip ? undefined : left,
        right: flip ? Math.max(0, width - hover.x + 12) : undefined,
        pointerEvents: 'none',
        zIndex: 1,
        whiteSpace: 'nowrap',
      }}
    >
      {hover.content}
    </div>
  );
}

/** The pointer's position in the chart's box, from an event on one of its shapes. */
export function pointerIn(event: { clientX: number; clientY: number; currentTarget: Element }): {
  x: number;
  y: number;
} {
  const svg = (event.currentTarget as SVGElement).ownerSVGElement ?? event.currentTarget;
  const rect = svg.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

/**
 * Axis ticks from 0 to at least `max`, at a "nice" step (1, 2, 2.5, 5 × a power of ten; whole numbers), about
 * `count` of them, as Recharts chose them for a count axis.
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1, 2, 3, 4].slice(0, count);
  const rough = max / (count - 1);
  const digits = Math.floor(Math.log10(rough)) + 1;
  const power = 10 ** digits;
  const ratio = rough / power;
  const scale = digits !== 1 ? 0.05 : 0.1;
  // Rounded before the ceiling: 0.3 / 0.1 is 2.9999999999999996 in floating point.
  const step = Math.max(1, Math.ceil(Math.ceil(Math.round((ratio / scale) * 1e9) / 1e9) * scale * power - 1e-9));
  return Array.from({ length: count }, (_, i) => i * step);
}

/**
 * Where bars sit in a band of `band` px, as Recharts placed them: `gap` of the band on each side, `count` bars of a
 * rounded number of px (at most `max`) `barGap` px apart. Returns the bars' size and each one's offset in the band.
 */
export function barsInBand(
  band: number,
  {
    gap,
    count = 1,
    barGap = 0,
    max = Number.POSITIVE_INFINITY,
  }: { gap: number; count?: number; barGap?: number; max?: number },
): { size: number; offsets: number[] } {
  const offset = band * gap;
  const between = band - 2 * offset - (count - 1) * barGap <= 0 ? 0 : barGap;
  let original = (band - 2 * offset - (count - 1) * between) / count;
  if (original > 1) original = Math.round(original);
  const size = Math.max(0, Math.min(original, max));
  return {
    size,
    offsets: Array.from({ length: count }, (_, i) => offset + (original + between) * i + (original - size) / 2),
  };
}

/** A rectangle as a path (the shapes a live update compares by their `d`, as it did Recharts' bars). */
export function rectPath(x: number, y: number, width: number, height: number): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M${r(x)},${r(y)}h${r(width)}v${r(height)}h${r(-width)}Z`;
}

import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { Timeliness } from '../../api/schemas';
import { useMediaQuery } from '../ui/use-media-query';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { TIMELINESS_COLORS, timelinessFill } from './palette';
import { usePrinting } from './print-media';

export interface StackedBarDatum {
  id: string;
  label: string;
  total: number;
}

/** A category name in at most two lines of `maxChars` (cut with an ellipsis beyond; the table has it whole). */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1))}…`;
  }
  return kept;
}

/** The last class of a row with a non-zero count: its segment ends the bar, so the total is written after it. */
function lastClassOf(row: Record<Timeliness, number>, classes: readonly Timeliness[]): Timeliness | undefined {
  for (let i = classes.length - 1; i >= 0; i--) {
    const k = classes[i] as Timeliness;
    if ((row[k] ?? 0) > 0) return k;
  }
  return undefined;
}

/**
 * Horizontal bars, one per row, stacked by timeliness class; the total is written at the end of every bar, and
 * names wrap onto two lines rather than being cut.
 */
export function StackedBarChart<T extends StackedBarDatum & Record<Timeliness, number>>({
  data,
  classes,
  format,
  labelWidth = 150,
  onSelect,
}: {
  data: readonly T[];
  classes: readonly Timeliness[];
  format: (n: number) => string;
  labelWidth?: number;
  onSelect?: (row: T) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 640px)');
  // On paper a chart has half a page: names take less of it, in a smaller type.
  const printing = usePrinting();
  const width = printing ? Math.min(labelWidth, 112) : narrow ? Math.min(labelWidth, 110) : labelWidth;
  const fontSize = printing ? 11 : narrow ? 12 : 13;
  // Roughly 0.55 em per character; names longer than a line wrap onto a second one.
  const maxChars = Math.floor(width / (fontSize * 0.55));
  return (
    <ChartFrame>
      <BarChart
        data={data as T[]}
        layout="vertical"
        margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
        barCategoryGap="22%"
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format(v)} />
        <YAxis
          type="category"
          dataKey="label"
          width={width}
          interval={0}
          tick={(props) => {
            const x = Number(props.x);
            const y = Number(props.y);
            const lines = wrapLabel(String(props.payload?.value ?? ''), maxChars);
            return (
              <text x={x} y={y} textAnchor="end" fontSize={fontSize} fill="currentColor" dominantBaseline="middle">
                {lines.map((line, i) => (
                  <tspan key={line} x={x - 4} dy={i === 0 ? `${-(lines.length - 1) * 0.55}em` : '1.1em'}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          }}
        />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.05)' }}
          content={(props) => <ChartTooltip {...props} format={format} />}
        />
        {classes.map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={t(`timeliness.${k}`)}
            stackId="timeliness"
            maxBarSize={34}
            fill={timelinessFill(k)}
            stroke={TIMELINESS_COLORS[k]}
            isAnimationActive={false}
            onClick={onSelect ? (entry) => onSelect(entry.payload as T) : undefined}
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            <LabelList
              dataKey="total"
              content={(props) => {
                const index = Number(props.index ?? -1);
                const row = data[index];
                if (!row || lastClassOf(row, classes) !== k) return null;
                const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
                const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
                return (
                  <text
                    x={x}
                    y={y}
                    dominantBaseline="middle"
                    fontSize={fontSize}
                    fill="currentColor"
                    className="bar-total"
                  >
                    {format(row.total)}
                  </text>
                );
              }}
            />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}

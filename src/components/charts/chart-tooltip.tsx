import type { TooltipContentProps } from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';

/** Typed tooltip: a title and one line per series, values already formatted by the caller's formatter. */
export function ChartTooltip({
  active,
  payload,
  label,
  title,
  format,
}: TooltipContentProps<ValueType, NameType> & { title?: (label: string) => string; format: (n: number) => string }) {
  if (!active || !payload?.length) return null;
  const rows = payload.filter((p) => typeof p.value === 'number' && p.value > 0);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title ? title(String(label ?? '')) : String(label ?? '')}</p>
      <ul>
        {rows.map((p) => (
          <li key={String(p.dataKey ?? p.name)}>
            <span className="chart-tooltip-swatch" style={{ background: p.color ?? '#888' }} aria-hidden="true" />
            {p.name}: <strong>{format(Number(p.value))}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

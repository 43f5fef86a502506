import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Task } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { SERIES_COLORS, TIMELINESS_COLORS } from '../../../components/charts/palette';
import type { ProgressPoint } from '../../../domain/task-updates';
import { useFormat } from '../../../i18n/format';

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Progress over time: a step line from the assignment through each update (to today while the task is open). */
export function ProgressChart({
  task,
  points,
  today,
  state,
  errorMessage,
  onRetry,
}: {
  task: Task;
  points: ProgressPoint[];
  today: string;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const first = points[0];
  const last = points.at(-1);
  const open = task.status !== 'done' && task.status !== 'cancelled';
  const data = points.map((p) => ({ x: dayOf(p.date), progress: p.progress }));
  if (open && last && last.date < today) data.push({ x: dayOf(today), progress: last.progress });
  const deadlineX = task.deadline ? dayOf(task.deadline.date) : null;
  const xs = [...data.map((d) => d.x), ...(deadlineX !== null ? [deadlineX] : [])];
  const domain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  // Evenly spaced date ticks (Recharts draws none for a single point on a time axis).
  const DAY = 86_400_000;
  const ticks =
    domain[1] > domain[0]
      ? [0, 1, 2, 3].map((i) => Math.round((domain[0] + ((domain[1] - domain[0]) * i) / 3) / DAY) * DAY)
      : [domain[0]];
  const dateOf = (x: number) => f.date(new Date(x).toISOString().slice(0, 10));
  return (
    <ChartCard
      title={t('task.chart.title')}
      summary={
        first && last && points.length === 1
          ? t('task.chart.summaryNone', { progress: first.progress, start: f.date(first.date) })
          : first && last
            ? t('task.chart.summary', {
                from: first.progress,
                start: f.date(first.date),
                to: last.progress,
                end: f.date(last.date),
                count: points.length - 1,
              })
            : undefined
      }
      state={state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={200}
      className="progress-chart-card"
      table={{
        columns: [t('task.chart.date'), t('task.chart.progress'), t('task.chart.status')],
        rows: points.map(
          (p) =>
            [
              `${f.date(p.date)} (v${p.version})`,
              t('common.percent', { value: p.progress }),
              t(`status.${p.status}`),
            ] as const,
        ),
      }}
    >
      <ChartFrame wide>
        <LineChart data={data} margin={{ top: 12, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={domain}
            ticks={ticks}
            interval="preserveStartEnd"
            tickFormatter={dateOf}
            minTickGap={40}
            tick={{ fontSize: 12 }}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={40} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(x) => dateOf(Number(x))}
            formatter={(v) => [t('common.percent', { value: v }), t('task.chart.progress')]}
          />
          {deadlineX !== null ? (
            <ReferenceLine
              x={deadlineX}
              stroke={TIMELINESS_COLORS.overdue}
              strokeDasharray="4 3"
              label={{ value: t('task.chart.deadline'), position: 'insideTopRight', fontSize: 12 }}
            />
          ) : null}
          <Line
            type="stepAfter"
            dataKey="progress"
            stroke={SERIES_COLORS.completed}
            strokeWidth={2.5}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
    </ChartCard>
  );
}

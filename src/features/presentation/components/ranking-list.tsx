import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Ranking } from '../utils/settings';
import type { RankRow } from '../utils/shape';

/**
 * Ranked units as horizontal bars with the value written after each bar (on the slide's background, so it keeps
 * the theme's contrast). The list is the text; the bars repeat it for the eye.
 */
export function RankingList({ rows, by }: { rows: RankRow[]; by: Ranking }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = by === 'completion' ? 1 : Math.max(1, ...rows.map((r) => r.value));
  return (
    // Few rows are drawn larger: the type fills the slide rather than leaving it empty.
    <ol className={`p-ranking p-ranking-${by}`} style={{ '--rows': Math.max(1, rows.length) } as CSSProperties}>
      {rows.map((row, i) => (
        <li key={row.code} className="p-rank-row">
          <span className="p-rank-pos" aria-hidden="true">
            {i + 1}
          </span>
          <span className="p-rank-name">{row.name}</span>
          <span className="p-rank-track" aria-hidden="true">
            <span className="p-rank-bar" style={{ width: `${(row.value / max) * 100}%` }} />
          </span>
          <span className="p-rank-value">
            {by === 'completion'
              ? t('present.ranking.completionValue', {
                  percent: f.percent(row.completion ?? 0),
                  done: f.number(row.done),
                  counted: f.number(row.counted),
                })
              : t('present.ranking.overdueValue', { overdue: f.number(row.overdue), total: f.number(row.total) })}
          </span>
        </li>
      ))}
    </ol>
  );
}

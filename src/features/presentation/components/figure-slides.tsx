import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../api/schemas';
import { useFormat } from '../../../i18n/format';
import { RANKING_ROWS } from '../utils/deck';
import type { Ranking } from '../utils/settings';
import { kpis, rankUnits, type UnitRef } from '../utils/shape';
import { DonutFigure } from './donut-figure';
import { KpiGrid } from './kpi-grid';
import { RankingList } from './ranking-list';
import { SlideFrame } from './slide-frame';

export interface SlideCommon {
  /** "Slide 3/12: …" for the slide's region. */
  label: string;
  /** What the figures cover: locality, search, date of evaluation. */
  scope: readonly string[];
}

export function KpiSlide({ stats, ...common }: SlideCommon & { stats: Stats }) {
  const { t } = useTranslation();
  return (
    <SlideFrame kind="kpi" title={t('present.kinds.kpi')} {...common}>
      <KpiGrid items={kpis(stats)} />
    </SlideFrame>
  );
}

export function DonutSlide({ stats, ...common }: SlideCommon & { stats: Stats }) {
  const { t } = useTranslation();
  return (
    <SlideFrame kind="donut" title={t('present.donut.title')} {...common}>
      <DonutFigure counts={stats.byTimeliness} total={stats.total} />
    </SlideFrame>
  );
}

export function RankingSlide({ stats, rank, ...common }: SlideCommon & { stats: Stats; rank: Ranking }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { rows, ranked } = rankUnits(stats.byLocality.items, rank, RANKING_ROWS);
  const parent = stats.byLocality.parent;
  return (
    <SlideFrame
      kind="ranking"
      eyebrow={parent ? parent.name : t('present.ranking.provinces')}
      title={t(`present.ranking.title_${rank}`)}
      note={
        rows.length < ranked
          ? t('present.ranking.note', { shown: f.number(rows.length), ranked: f.number(ranked) })
          : t('present.ranking.allShown', { ranked: f.number(ranked) })
      }
      {...common}
    >
      <RankingList rows={rows} by={rank} />
    </SlideFrame>
  );
}

/** One child unit of the rotation: its own key figures and donut. */
export function LocalitySlide({
  unit,
  index,
  count,
  of,
  parentName,
  query,
  ...common
}: SlideCommon & {
  unit: UnitRef;
  index: number;
  count: number;
  of: number;
  parentName: string | null;
  query: UseQueryResult<Stats> | undefined;
}) {
  const { t } = useTranslation();
  const stats = query?.data;
  const eyebrow = [t('present.locality.eyebrow', { index, count }), parentName].filter(Boolean).join(' · ');
  return (
    <SlideFrame
      kind="localities"
      eyebrow={eyebrow}
      title={unit.name}
      note={count < of ? t('present.locality.capped', { count, of }) : t('present.locality.note', { count })}
      {...common}
    >
      {stats ? (
        <div className="p-unit">
          <KpiGrid items={kpis(stats)} compact />
          <DonutFigure counts={stats.byTimeliness} total={stats.total} compact />
        </div>
      ) : (
        <p className="p-calm">{t('present.locality.loading')}</p>
      )}
    </SlideFrame>
  );
}

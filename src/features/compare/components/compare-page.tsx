import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareQueries } from '../../../api/compare';
import type { CompareItem } from '../../../api/compare-schemas';
import type { TaskFilters } from '../../../api/schemas';
import type { ChartState } from '../../../components/charts/chart-card';
import { datedFileName, downloadBlob } from '../../../components/export/download';
import { ExportButtons } from '../../../components/export/export-buttons';
import { buildCsv, buildXlsx, CSV_MIME, type TableFile, XLSX_MIME } from '../../../components/export/table-file';
import { describeFilters } from '../../../components/filters/describe-filters';
import { FilterBar } from '../../../components/filters/filter-bar';
import type { FilterBarProps } from '../../../components/filters/filter-types';
import { eraOf } from '../../../components/filters/filter-utils';
import { useFiltersAppliedMark } from '../../../components/filters/marks';
import { localitiesKnown, pathLabel, useChosenLocalities } from '../../../components/filters/use-chosen-localities';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { errorText } from '../../../components/ui/error-text';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import {
  COMPARE_METRICS,
  type CompareMetric,
  type CompareSort,
  type CompareSortKey,
  chartMetric,
  SPANNING,
  sortCompareItems,
} from '../utils/compare-sort';
import { CompareTable } from './compare-table';
import { RankedChart } from './ranked-chart';

export interface ComparePageProps {
  filterBar: FilterBarProps;
  sort: CompareSort;
  onSortChange: (sort: CompareSort) => void;
}

/** `/compare`: the children of the chosen locality side by side, as a ranked chart and a sortable table. */
export function ComparePage({ filterBar, sort, onSortChange }: ComparePageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const metricId = useId();
  const tableHeadingId = useId();
  const filters = filterBar.value;
  const era = eraOf(filters);
  const client = useQueryClient();
  const { onChange } = filterBar;
  /** New filters: their comparison is asked for at once, while the page re-renders. */
  const change = useCallback(
    (next: TaskFilters) => {
      const nextEra = eraOf(next);
      if (localitiesKnown(client, next.locality, nextEra)) {
        void client.prefetchQuery(compareQueries.byFilters({ ...next, era: nextEra }));
      }
      onChange(next);
    },
    [client, onChange],
  );
  const { chosen, settled } = useChosenLocalities(filters.locality, era);
  // A unit without units of its own (a commune) is compared with its neighbours: the units of its parent.
  const single = filters.locality?.length === 1 ? chosen.find((c) => c.code === filters.locality?.[0]) : undefined;
  const leaf = single && !single.unit.hasChildren ? single : undefined;
  const leafParent = leaf?.path.at(-2);
  const compared: TaskFilters =
    leaf && leafParent ? { ...filters, era: leaf.unit.era, locality: [leafParent.code] } : { ...filters, era };
  const result = useQuery({ ...compareQueries.byFilters(compared), enabled: settled });
  const [showEmpty, setShowEmpty] = useState(false);
  const data = result.data ?? null;
  const state: ChartState = data ? 'ready' : result.isError ? 'error' : 'loading';
  const message = result.error ? errorText(result.error, t) : undefined;
  useFiltersAppliedMark(result.isSuccess && !result.isPlaceholderData, data);

  const items = data ? sortCompareItems(data.items, sort) : [];
  const metric = chartMetric(sort);
  const name = (item: CompareItem) => (item.code === SPANNING ? t('compare.spanning') : item.name);
  // Units without a single matching task are left out by default (25 of the 34 provinces on the sample data):
  // said in a line, one click shows them. The chosen commune is always shown.
  const all = items.map((i) => ({ ...i, name: name(i) }));
  const empty = all.filter((i) => i.total === 0 && i.code !== leaf?.code);
  const named = showEmpty ? all : all.filter((i) => !empty.includes(i));

  const formatCell = (item: CompareItem, key: Exclude<CompareSortKey, 'name'>): string => {
    const rate = (r: number | null) => (r === null ? t('compare.none') : f.percent(r));
    switch (key) {
      case 'total':
        return f.number(item.total);
      case 'completionRate':
        return rate(item.completionRate);
      case 'onTimeRate':
        return rate(item.onTimeRate);
      case 'overdue':
        return f.number(item.overdue);
      case 'flagshipProgress':
        return item.flagship.averageProgress === null
          ? t('compare.none')
          : t('compare.flagshipValue', {
              progress: t('common.percent', { value: Math.round(item.flagship.averageProgress) }),
              count: f.number(item.flagship.total),
            });
    }
  };
  const drill = (item: CompareItem) => {
    if (!data || !item.hasChildren) return;
    change({ ...filters, era: data.era === 'post2025' ? undefined : data.era, locality: [item.code] });
  };

  const exportFile = (): TableFile => {
    const localityName = (code: string) => {
      const c = chosen.find((x) => x.code === code);
      return c ? pathLabel(c.path) : code;
    };
    const described = describeFilters(filters, t, f.date, localityName);
    return {
      title: t('compare.fileTitle'),
      meta: [
        [t('export.exportedAt'), `${f.date(todayInVietnam())} ${f.time(Date.now())}`],
        [t('export.rowCount'), String(named.length)],
        [t('export.era'), t(`era.${data?.era ?? era}`)],
        ...(described.length
          ? described.map(([k, v]) => [`${t('export.filters')}: ${k}`, v] as [string, string])
          : [[t('export.filters'), t('export.noFilter')] as [string, string]]),
        [t('export.source'), typeof window === 'undefined' ? '' : window.location.href],
      ],
      columns: [
        { header: t('compare.columns.unit'), width: 30 },
        { header: t('compare.columns.total'), width: 14, type: 'number' },
        { header: `${t('compare.columns.completionRate')} (%)`, width: 18, type: 'number' },
        { header: `${t('compare.columns.onTimeRate')} (%)`, width: 18, type: 'number' },
        { header: t('compare.columns.overdue'), width: 12, type: 'number' },
        { header: t('compare.columns.flagship'), width: 14, type: 'number' },
        { header: `${t('compare.columns.flagshipProgress')} (%)`, width: 20, type: 'number' },
      ],
      rows: named.map((i) => {
        const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
        return [
          i.name,
          i.total,
          pct(i.completionRate),
          pct(i.onTimeRate),
          i.overdue,
          i.flagship.total,
          i.flagship.averageProgress === null ? null : Math.round(i.flagship.averageProgress),
        ];
      }),
      sheetName: t('compare.sheet'),
      metaSheetName: t('export.filtersSheet'),
    };
  };

  return (
    <div className="compare-page">
      <div className="page-heading">
        <div>
          <h1>{t('compare.heading')}</h1>
          <p className="page-intro">
            {leaf && data?.parent
              ? t('compare.introNeighbours', { unit: leaf.unit.name, name: data.parent.name })
              : data?.parent
                ? t('compare.introChildren', { name: data.parent.name })
                : t('compare.introProvinces', { era: t(`era.${data?.era ?? era}`) })}
          </p>
        </div>
      </div>
      <FilterBar {...filterBar} onChange={change} />
      {!data?.parent && data ? <p className="hint">{t('compare.hint')}</p> : null}
      {result.isError && data ? (
        <p className="banner banner-warning" role="status">
          {message} {t('errors.stale', { time: f.time(result.dataUpdatedAt) })}
        </p>
      ) : null}
      <div className="list-toolbar">
        <div className="metric-select">
          <label htmlFor={metricId}>{t('compare.metric.label')}</label>
          <select
            id={metricId}
            value={metric}
            onChange={(e) => onSortChange(`-${e.target.value as CompareMetric}` as CompareSort)}
          >
            {COMPARE_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`compare.metric.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <ExportButtons
          disabled={!data || named.length === 0}
          onExport={async (format) => {
            const file = exportFile();
            const fileName = datedFileName(t('compare.fileBase'), todayInVietnam(), format);
            const blob =
              format === 'csv'
                ? new Blob([await buildCsv(file)], { type: CSV_MIME })
                : new Blob([await buildXlsx(file)], { type: XLSX_MIME });
            downloadBlob(blob, fileName);
            return { fileName, count: file.rows.length, total: file.rows.length };
          }}
        />
      </div>
      {data && empty.length > 0 ? (
        <p className="hint compare-empty-note">
          {showEmpty
            ? t('compare.emptyShown', { count: empty.length })
            : t('compare.emptyHidden', { count: empty.length })}{' '}
          <button
            type="button"
            className="link-button"
            aria-pressed={showEmpty}
            onClick={() => setShowEmpty((v) => !v)}
          >
            {showEmpty ? t('compare.hideEmpty') : t('compare.showEmpty', { count: empty.length })}
          </button>
        </p>
      ) : null}
      <div className="compare-grid">
        <ErrorBoundaryCard>
          <RankedChart
            items={named}
            metric={metric}
            format={(item) => formatCell(item, metric)}
            state={state}
            errorMessage={message}
            onRetry={() => void result.refetch()}
            onSelect={drill}
          />
        </ErrorBoundaryCard>
        <section className="card compare-card" aria-labelledby={tableHeadingId}>
          <header className="card-header">
            <h2 id={tableHeadingId} className="card-title">
              {t('compare.tableTitle')}
            </h2>
          </header>
          {state === 'loading' ? (
            <p role="status">{t('compare.loading')}</p>
          ) : state === 'error' ? (
            <div role="alert" className="chart-error">
              <p>{message}</p>
              <button type="button" className="button" onClick={() => void result.refetch()}>
                {t('chart.retry')}
              </button>
            </div>
          ) : named.length === 0 ? (
            <p>{t('compare.empty')}</p>
          ) : (
            <CompareTable
              items={named}
              sort={sort}
              onSortChange={onSortChange}
              formatCell={formatCell}
              onDrill={drill}
              headingId={tableHeadingId}
              highlight={leaf?.code}
            />
          )}
          <p className="definitions">{t('compare.definitions')}</p>
        </section>
      </div>
    </div>
  );
}

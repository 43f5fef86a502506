import { useTranslation } from 'react-i18next';
import type { CompareItem } from '../../../api/compare-schemas';
import { type CompareSort, type CompareSortKey, parseCompareSort, SPANNING } from '../utils/compare-sort';

const COLUMNS: ReadonlyArray<{ key: CompareSortKey; label: string; numeric: boolean }> = [
  { key: 'name', label: 'compare.columns.unit', numeric: false },
  { key: 'total', label: 'compare.columns.total', numeric: true },
  { key: 'completionRate', label: 'compare.columns.completionRate', numeric: true },
  { key: 'onTimeRate', label: 'compare.columns.onTimeRate', numeric: true },
  { key: 'overdue', label: 'compare.columns.overdue', numeric: true },
  { key: 'flagshipProgress', label: 'compare.columns.flagshipProgress', numeric: true },
];

/** The comparison as a sortable table (headers are buttons; aria-sort tells the order); a unit with children drills down. */
export function CompareTable({
  items,
  sort,
  onSortChange,
  formatCell,
  onDrill,
  headingId,
  highlight,
}: {
  items: readonly CompareItem[];
  sort: CompareSort;
  onSortChange: (sort: CompareSort) => void;
  formatCell: (item: CompareItem, key: Exclude<CompareSortKey, 'name'>) => string;
  onDrill: (item: CompareItem) => void;
  headingId: string;
  /** The unit the person chose (a commune shown among its neighbours). */
  highlight?: string;
}) {
  const { t } = useTranslation();
  const { key: sortKey, desc } = parseCompareSort(sort);
  return (
    <div className="table-scroll">
      <table className="data-table compare-table" aria-labelledby={headingId}>
        <caption className="visually-hidden">{t('compare.tableCaption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = c.key === sortKey;
              // First click: names A→Z, figures largest first.
              const next: CompareSort = active
                ? ((desc ? c.key : `-${c.key}`) as CompareSort)
                : ((c.numeric ? `-${c.key}` : c.key) as CompareSort);
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSortChange(next)}>
                    {t(c.label as 'compare.columns.unit')}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (desc ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.code}
              className={item.code === SPANNING ? 'spanning-row' : item.code === highlight ? 'chosen-row' : undefined}
              aria-current={item.code === highlight ? 'true' : undefined}
            >
              <th scope="row">
                {item.hasChildren ? (
                  <button
                    type="button"
                    className="link-button drill-button"
                    onClick={() => onDrill(item)}
                    title={t('compare.drill', { name: item.name })}
                  >
                    {item.name}
                    <span className="visually-hidden"> — {t('compare.drill', { name: item.name })}</span>
                  </button>
                ) : (
                  item.name
                )}
              </th>
              {COLUMNS.slice(1).map((c) => (
                <td key={c.key} className="num">
                  {formatCell(item, c.key as Exclude<CompareSortKey, 'name'>)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

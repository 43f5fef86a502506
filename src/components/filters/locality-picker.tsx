import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesQueries } from '../../api/localities';
import { localityLookupQueries, useLocalityPaths } from '../../api/locality-lookup';
import type { Era, Locality, TaskFilters } from '../../api/schemas';
import { eraOf } from './filter-utils';
import { LocalitySearch } from './locality-search';
import { type ChosenLocality, pathLabel } from './use-chosen-localities';

const SUCCESSORS_SHOWN = 6;

function LevelSelect({
  label,
  era,
  parent,
  value,
  onChange,
}: {
  label: string;
  era: Era;
  /** null: provinces. undefined: the level above is not chosen (the select is disabled). */
  parent: string | null | undefined;
  value: string;
  onChange: (code: string, unit: Locality | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const children = useQuery({ ...localitiesQueries.children(era, parent ?? null), enabled: parent !== undefined });
  const items = parent === undefined ? [] : (children.data?.items ?? []);
  const known = items.some((u) => u.code === value);
  return (
    <div className="locality-level">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={known ? value : ''}
        disabled={parent === undefined || (children.isPending && parent !== undefined)}
        onChange={(e) =>
          onChange(
            e.target.value,
            items.find((u) => u.code === e.target.value),
          )
        }
      >
        <option value="">
          {children.isPending && parent !== undefined ? t('filters.locality.loading') : t('filters.locality.all')}
        </option>
        {items.map((u) => (
          <option key={u.code} value={u.code}>
            {u.shortName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Từ 1/7/2025, Huyện Chợ Lách thuộc Xã Chợ Lách, …, Xã Vĩnh Thành (Tỉnh Vĩnh Long)." and a way to filter by those. */
function SuccessorNote({ unit, onUse }: { unit: Locality; onUse: () => void }) {
  const { t } = useTranslation();
  const codes = unit.successorCodes;
  const shown = codes.slice(0, SUCCESSORS_SHOWN);
  const paths = useLocalityPaths(shown.map((code) => ({ era: 'post2025' as const, code })));
  if (!paths.data) return null;
  const successors = shown.flatMap((code) => {
    const p = paths.data.get(`post2025:${code}`);
    return p ? [p] : [];
  });
  if (successors.length === 0) return null;
  const names = successors.map((p) => p.at(-1)?.name ?? '').join(', ');
  const provinces = [...new Set(successors.map((p) => (p.length > 1 ? p[0]?.name : null)).filter(Boolean))];
  const withProvince = provinces.length ? `${names} (${provinces.join(', ')})` : names;
  const list =
    codes.length > shown.length
      ? t('filters.locality.successorsMore', { list: withProvince, count: codes.length - shown.length })
      : withProvince;
  return (
    <div className="locality-note">
      <p>{t('filters.locality.successors', { name: unit.name, list })}</p>
      <button type="button" className="link-button" onClick={onUse}>
        {t('filters.locality.useSuccessors')}
      </button>
    </div>
  );
}

/**
 * Province → district → commune in the chosen era (three levels before 1 July 2025, two after), a search box with
 * accent-insensitive matching, the chosen path, and what a former unit became.
 */
export function LocalityPicker({
  value,
  onChange,
  chosen,
}: {
  value: TaskFilters;
  onChange: (next: TaskFilters) => void;
  chosen: readonly ChosenLocality[];
}) {
  const { t } = useTranslation();
  const eraName = useId();
  const era = eraOf(value);
  const single = value.locality?.length === 1 ? chosen.find((c) => c.code === value.locality?.[0]) : undefined;
  // The selects show the chosen unit's path when it is a unit of the era shown.
  const path = single && single.unit.era === era ? single.path.map((u) => u.code) : [];
  const levels =
    era === 'pre2025' ? (['province', 'district', 'commune'] as const) : (['province', 'commune'] as const);

  const setEra = (next: Era) => {
    if (next === era) return;
    // Today's units of a former unit are known (successorCodes); the reverse is not: then the locality is cleared.
    const mapped =
      next === 'post2025'
        ? [...new Set(chosen.flatMap((c) => (c.unit.era === 'pre2025' ? c.unit.successorCodes : [c.code])))]
        : [];
    onChange({ ...value, era: next === 'post2025' ? undefined : next, locality: mapped.length ? mapped : undefined });
  };
  const client = useQueryClient();
  /** Picks one unit; what the picker already knows of it saves the screens a lookup before they ask for data. */
  const choose = (code: string | null, era: Era, unit?: Locality) => {
    if (code && unit?.code === code) {
      client.setQueryData(localityLookupQueries.byCodes(unit.era, [code]).queryKey, { era: unit.era, items: [unit] });
    }
    onChange({ ...value, era: era === 'post2025' ? undefined : era, locality: code ? [code] : undefined });
  };

  return (
    <div className="locality-picker">
      <fieldset className="segmented era-switch">
        <legend>{t('era.label')}</legend>
        {(['post2025', 'pre2025'] as const).map((e) => (
          <label key={e} className={era === e ? 'active' : undefined}>
            <input type="radio" name={eraName} value={e} checked={era === e} onChange={() => setEra(e)} />
            {t(`era.${e}`)}
          </label>
        ))}
      </fieldset>
      <div className="locality-row">
        <LocalitySearch era={era} onSelect={(unit) => choose(unit.code, unit.era, unit)} />
        {levels.map((level, i) => (
          <LevelSelect
            key={`${era}-${level}`}
            label={t(`filters.locality.${level}`)}
            era={era}
            parent={i === 0 ? null : path[i - 1]}
            value={path[i] ?? ''}
            onChange={(code, unit) =>
              code
                ? choose(code, era, unit)
                : choose(i === 0 ? null : (path[i - 1] ?? null), era, i === 0 ? undefined : single?.path[i - 1])
            }
          />
        ))}
      </div>
      {single ? (
        <div className="locality-chosen">
          <p>
            <strong>{t('filters.locality.chosen', { path: pathLabel(single.path) })}</strong>{' '}
            <button type="button" className="link-button" onClick={() => choose(null, era)}>
              {t('filters.locality.clear')}
            </button>
          </p>
          {single.unit.era === 'pre2025' && single.unit.successorCodes.length > 0 ? (
            <SuccessorNote
              unit={single.unit}
              onUse={() => onChange({ ...value, era: undefined, locality: [...single.unit.successorCodes] })}
            />
          ) : null}
          {single.unit.era === 'post2025' ? <p className="locality-hint">{t('filters.locality.crossEra')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

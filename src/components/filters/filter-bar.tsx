import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, TASK_STATUSES } from '../../api/constants';
import { useFacets } from '../../api/facets';
import type { TaskFilters } from '../../api/schemas';
import { useFormat } from '../../i18n/format';
import { TIMELINESS_COLORS, TIMELINESS_ORDER } from '../charts/palette';
import { CheckMenu } from './check-menu';
import { DroppedNotice } from './dropped-notice';
import { FilterChips } from './filter-chips';
import type { FilterBarProps } from './filter-types';
import { countActive, eraOf, setList, toggleValue } from './filter-utils';
import { LocalityPicker } from './locality-picker';
import { PeriodPicker } from './period-picker';
import { useChosenLocalities } from './use-chosen-localities';

const SEARCH_DEBOUNCE_MS = 350;
/** Whether the controls are unfolded, kept for the session so the bar stays as the user left it across screens. */
const OPEN_KEY = 'dt:filters-open';

function readOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}
function writeOpen(open: boolean) {
  try {
    if (open) sessionStorage.setItem(OPEN_KEY, '1');
    else sessionStorage.removeItem(OPEN_KEY);
  } catch {
    // Storage refused (private mode): the bar simply starts folded next time.
  }
}

/** The free-text search: a real <input type="search">, applied after a pause in typing or on Enter. */
function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  // A change from outside (a chip removed, a link followed) replaces what the box shows.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;
  const commit = (q: string) => {
    if (q.trim() === committed.current.trim()) return;
    committed.current = q.trim();
    onCommitRef.current(q.trim());
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    const id = setTimeout(() => commitRef.current(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text]);
  return (
    <div className="filter-search">
      <label htmlFor={id}>{t('filters.search.label')}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={t('filters.search.placeholder')}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
      />
      <span id={hintId} className="visually-hidden">
        {t('filters.search.hint')}
      </span>
    </div>
  );
}

/**
 * The one filter bar of every screen: free text, locality (province → district → commune, either era), timeliness,
 * status, field, issuer, assignee, key tasks, deadline period; the active filters as removable chips. Router-agnostic:
 * the screen gives the value and takes the changes (and keeps them in the URL).
 */
export function FilterBar({ value, onChange, notices = [], onDismissNotices, onDropped }: FilterBarProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const controlsId = useId();
  const [open, setOpen] = useState(readOpen);
  const [facetsWanted, setFacetsWanted] = useState(false);
  const era = eraOf(value);
  const { chosen, stale } = useChosenLocalities(value.locality, era);
  const facets = useFacets(value, facetsWanted);

  // A locality code that names no unit in either era (a stale link) is dropped, and the user told.
  const staleKey = stale.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per set of stale codes
  useEffect(() => {
    if (!staleKey) return;
    const dropped = stale.map((code) => ({ key: 'locality', value: code, reason: 'stale' as const }));
    if (onDropped) onDropped(dropped);
    else
      onChange(
        setList(
          value,
          'locality',
          (value.locality ?? []).filter((c) => !stale.includes(c)),
        ),
      );
  }, [staleKey]);

  const active = countActive(value);
  const set = (next: TaskFilters) => onChange(next);

  return (
    <section className="filter-bar" aria-label={t('filters.label')} data-open={open}>
      <DroppedNotice items={notices} onDismiss={onDismissNotices} />
      <div className="filter-top">
        <SearchBox value={value.q ?? ''} onCommit={(q) => set({ ...value, q: q || undefined })} />
        <button
          type="button"
          className="filter-toggle"
          aria-expanded={open}
          aria-controls={controlsId}
          onClick={() =>
            setOpen((o) => {
              writeOpen(!o);
              return !o;
            })
          }
        >
          {t('filters.toggle')}
          {active ? <span className="filter-count">{active}</span> : null}
          <span className="filter-caret" aria-hidden="true">
            ▾
          </span>
        </button>
        {/* Folded, the bar is one line: the search, the toggle, and what is applied. */}
        {open ? null : <FilterChips value={value} onChange={set} chosen={chosen} />}
      </div>
      <div id={controlsId} className="filter-controls" data-open={open}>
        <LocalityPicker value={value} onChange={set} chosen={chosen} />
        <div className="filter-row">
          <CheckMenu
            label={t('filters.timeliness')}
            options={TIMELINESS_ORDER.map((k) => ({
              value: k,
              label: t(`timeliness.${k}`),
              mark: <span className="swatch" style={{ background: TIMELINESS_COLORS[k] }} aria-hidden="true" />,
            }))}
            selected={value.timeliness ?? []}
            onToggle={(v) => set(toggleValue(value, 'timeliness', v as 'overdue'))}
            onClear={() => set(setList(value, 'timeliness', []))}
          />
          <CheckMenu
            label={t('filters.status')}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            selected={value.status ?? []}
            onToggle={(v) => set(toggleValue(value, 'status', v as 'done'))}
            onClear={() => set(setList(value, 'status', []))}
          />
          <CheckMenu
            label={t('filters.category')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            selected={value.category ?? []}
            onToggle={(v) => set(toggleValue(value, 'category', v as 'economy'))}
            onClear={() => set(setList(value, 'category', []))}
          />
          <CheckMenu
            label={t('filters.issuer')}
            options={(facets.data?.issuer ?? []).map((o) => ({
              value: o.value,
              label: o.value,
              detail: f.number(o.count),
            }))}
            loading={facetsWanted && facets.isPending}
            searchable
            selected={value.issuer ?? []}
            onToggle={(v) => set(toggleValue(value, 'issuer', v))}
            onClear={() => set(setList(value, 'issuer', []))}
            onOpenChange={(o) => o && setFacetsWanted(true)}
          />
          <CheckMenu
            label={t('filters.assignee')}
            options={(facets.data?.assignee ?? []).map((o) => ({
              value: o.value,
              label: o.value,
              detail: f.number(o.count),
            }))}
            loading={facetsWanted && facets.isPending}
            searchable
            selected={value.assignee ?? []}
            onToggle={(v) => set(toggleValue(value, 'assignee', v))}
            onClear={() => set(setList(value, 'assignee', []))}
            onOpenChange={(o) => o && setFacetsWanted(true)}
          />
          <PeriodPicker value={value} onChange={set} />
          <label className="filter-check">
            <input
              type="checkbox"
              checked={value.flagship === true}
              onChange={(e) => set({ ...value, flagship: e.target.checked ? true : undefined })}
            />
            {t('filters.flagship')}
          </label>
        </div>
      </div>
      {open ? <FilterChips value={value} onChange={set} chosen={chosen} /> : null}
    </section>
  );
}

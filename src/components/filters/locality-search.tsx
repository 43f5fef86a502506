import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesQueries } from '../../api/localities';
import { refKey, useLocalityPaths } from '../../api/locality-lookup';
import type { Era, Locality } from '../../api/schemas';
import { pathLabel } from './use-chosen-localities';

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;
const MAX_OPTIONS = 30;
/** Units of the other era offered after those of the era shown (the former district when looking at today's units). */
const MAX_OTHER_ERA = 8;

const otherEraOf = (era: Era): Era => (era === 'pre2025' ? 'post2025' : 'pre2025');

interface Option {
  unit: Locality;
  /** A unit of the other era than the one shown. */
  other: boolean;
}

/**
 * Find a unit by name, with or without Vietnamese accents (`cho lach` finds Chợ Lách): an editable combobox with a
 * list popup (WAI-ARIA 1.2 combobox pattern: focus stays in the text box, the active option is announced through
 * aria-activedescendant; Down/Up move, Enter chooses, Escape closes then clears). The API does the folding.
 * The units of the era shown come first, then those of the other era, said so ("Huyện Chợ Lách — trước 1/7/2025,
 * nay thuộc Tỉnh Vĩnh Long"): choosing one switches the filter to its era, and the API finds its tasks in both.
 */
export function LocalitySearch({ era, onSelect }: { era: Era; onSelect: (unit: Locality) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const listId = useId();
  const optionId = (i: number) => `${listId}-o${i}`;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text]);

  const enabled = query.length >= MIN_CHARS;
  const search = useQuery({
    ...localitiesQueries.search(era, query),
    enabled,
    placeholderData: keepPreviousData,
  });
  const otherEra = otherEraOf(era);
  const otherSearch = useQuery({
    ...localitiesQueries.search(otherEra, query),
    enabled,
    placeholderData: keepPreviousData,
  });
  const own: Option[] = enabled
    ? (search.data?.items ?? []).slice(0, MAX_OPTIONS).map((unit) => ({ unit, other: false }))
    : [];
  const other: Option[] = enabled
    ? (otherSearch.data?.items ?? [])
        .filter((u) => u.era === otherEra)
        .slice(0, MAX_OTHER_ERA)
        .map((unit) => ({ unit, other: true }))
    : [];
  const results = [...own, ...other];
  // Parents of every result, so two units of the same name are told apart ("Tân Phú" is in many provinces), and
  // the province a former unit's first successor lies in ("nay thuộc Tỉnh Vĩnh Long").
  const successorRefs = other.flatMap(({ unit }) =>
    unit.era === 'pre2025' && unit.successorCodes[0]
      ? [{ era: 'post2025' as const, code: unit.successorCodes[0] }]
      : [],
  );
  const paths = useLocalityPaths(
    [...results.map(({ unit }) => ({ era: unit.era, code: unit.code })), ...successorRefs],
    open && results.length > 0,
  );
  const eraNote = (unit: Locality): string => {
    if (unit.era === 'post2025') return t('filters.locality.currentEra');
    const first = unit.successorCodes[0];
    const province = first ? paths.data?.get(refKey('post2025', first))?.[0] : undefined;
    return province ? t('filters.locality.formerEraNow', { province: province.name }) : t('filters.locality.formerEra');
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result set resets the active option
  useEffect(() => setActive(-1), [search.data, otherSearch.data, query]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const choose = ({ unit }: Option) => {
    onSelect(unit);
    setText('');
    setQuery('');
    setOpen(false);
  };

  const expanded = open && enabled;
  const searching = enabled && search.isFetching && (search.isPlaceholderData || !search.data);
  const status = !enabled
    ? ''
    : searching
      ? t('filters.locality.searching')
      : search.isError
        ? t('errors.network')
        : results.length === 0
          ? t('filters.locality.noResults')
          : t('filters.locality.results', { count: results.length });

  return (
    <div className="locality-search" ref={rootRef}>
      <label htmlFor={inputId}>{t('filters.locality.search')}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={t('filters.locality.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => text && setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            if (results.length) setActive((i) => (i + 1) % results.length);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (results.length) setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
          } else if (e.key === 'Enter') {
            const unit = expanded ? (results[active] ?? (results.length === 1 ? results[0] : undefined)) : undefined;
            if (unit) {
              e.preventDefault();
              choose(unit);
            }
          } else if (e.key === 'Escape') {
            if (expanded) {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            } else if (text) {
              e.preventDefault();
              setText('');
            }
          } else if (e.key === 'Home' || e.key === 'End') {
            setActive(-1);
          }
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('filters.locality.search')}
        className="combobox-list"
        hidden={!expanded}
      >
        {expanded
          ? results.map((option, i) => {
              const { unit } = option;
              const path = paths.data?.get(refKey(unit.era, unit.code));
              const context = path && path.length > 1 ? pathLabel(path.slice(0, -1)) : null;
              const firstOther = option.other && !results[i - 1]?.other;
              return (
                // Options are never focused (the pattern keeps focus in the text box: keys are handled there).
                // biome-ignore lint/a11y/useFocusableInteractive: see above
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={`${unit.era}:${unit.code}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={
                    [i === active ? 'active' : '', option.other ? 'other-era' : '', firstOther ? 'first-other' : '']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  data-era-group={firstOther ? t(`filters.locality.group.${unit.era}`) : undefined}
                  // Keeps focus in the text box (the pattern), then chooses on click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                  onMouseMove={() => setActive(i)}
                >
                  <span className="option-name">
                    {unit.name}
                    {option.other ? <span className="option-era"> — {eraNote(unit)}</span> : null}
                  </span>
                  <span className="option-context">
                    {context ? `${context} · ` : ''}
                    {t(`filters.locality.level.${unit.level}`)}
                  </span>
                </div>
              );
            })
          : null}
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {open ? status : ''}
      </span>
      {expanded && (searching || results.length === 0) ? (
        <p className="combobox-note" aria-hidden="true">
          {status}
        </p>
      ) : null}
    </div>
  );
}

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

/**
 * Find a unit by name, with or without Vietnamese accents (`cho lach` finds Chợ Lách): an editable combobox with a
 * list popup (WAI-ARIA 1.2 combobox pattern: focus stays in the text box, the active option is announced through
 * aria-activedescendant; Down/Up move, Enter chooses, Escape closes then clears). The API does the folding.
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
  const results = enabled ? (search.data?.items ?? []).slice(0, MAX_OPTIONS) : [];
  // Parents of every result, so two units of the same name are told apart ("Tân Phú" is in many provinces).
  const paths = useLocalityPaths(
    results.map((u) => ({ era: u.era, code: u.code })),
    open && results.length > 0,
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result set resets the active option
  useEffect(() => setActive(-1), [search.data, query]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const choose = (unit: Locality) => {
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
          ? results.map((unit, i) => {
              const path = paths.data?.get(refKey(unit.era, unit.code));
              const context = path && path.length > 1 ? pathLabel(path.slice(0, -1)) : null;
              return (
                // Options are never focused (the pattern keeps focus in the text box: keys are handled there).
                // biome-ignore lint/a11y/useFocusableInteractive: see above
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={`${unit.era}:${unit.code}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // Keeps focus in the text box (the pattern), then chooses on click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(unit)}
                  onMouseMove={() => setActive(i)}
                >
                  <span className="option-name">{unit.name}</span>
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

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../domain/text';

export interface CheckOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. a count. */
  detail?: string;
  /** A swatch or icon before the label. */
  mark?: ReactNode;
}

/**
 * A disclosure button opening a group of checkboxes (the WAI-ARIA disclosure pattern: a real <button> with
 * aria-expanded, then native checkboxes in a labelled group). Escape or a click outside closes it and returns focus
 * to the button. With `searchable`, a text box narrows long lists (accent-insensitive).
 */
export function CheckMenu({
  label,
  options,
  selected,
  onToggle,
  onClear,
  searchable = false,
  loading = false,
  onOpenChange,
}: {
  label: string;
  options: readonly CheckOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  onClear?: () => void;
  searchable?: boolean;
  loading?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpenState] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
    if (!next) setQuery('');
  };

  useEffect(() => {
    if (!open) return;
    const root = rootRef.current;
    const close = () => {
      setOpenState(false);
      setQuery('');
      onOpenChange?.(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (root && !root.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    root?.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      root?.removeEventListener('keydown', onKey);
    };
  }, [open, onOpenChange]);

  const q = fold(query);
  // Chosen values that are not among the options (e.g. from a link) still show, so they can be unticked.
  const extra: CheckOption[] = selected
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: v }));
  const all = [...extra, ...options];
  const shown = q ? all.filter((o) => fold(o.label).includes(q)) : all;

  return (
    <div className="check-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`filter-button${selected.length ? ' has-value' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {label}
        {selected.length ? <span className="filter-count">{selected.length}</span> : null}
        <span className="filter-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="check-menu-panel" hidden={!open}>
        <fieldset>
          <legend className="check-menu-heading">{label}</legend>
          {searchable ? (
            <input
              type="search"
              className="check-menu-search"
              aria-label={t('filters.menu.filterOptions')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          ) : null}
          {loading ? <p role="status">{t('filters.menu.loading')}</p> : null}
          {!loading && shown.length === 0 ? <p>{t('filters.menu.noOptions')}</p> : null}
          <ul className="check-menu-list">
            {shown.map((o) => (
              <li key={o.value}>
                <label>
                  <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} />
                  {o.mark}
                  <span className="check-menu-label">{o.label}</span>
                  {o.detail ? <span className="check-menu-detail">{o.detail}</span> : null}
                </label>
              </li>
            ))}
          </ul>
          <div className="check-menu-actions">
            {onClear && selected.length ? (
              <button type="button" className="link-button" onClick={onClear}>
                {t('filters.menu.clear')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              {t('filters.menu.done')}
            </button>
          </div>
        </fieldset>
      </div>
    </div>
  );
}

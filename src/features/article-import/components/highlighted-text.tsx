import { Fragment, memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, DraftStatus } from '../utils/drafts';
import { stretches } from '../utils/highlight';

export const markId = (key: string) => `draft-mark-${key}`;

/** One highlighted clause (or its continuation after an overlap), with the draft's number before its first piece. */
const DraftMark = memo(function DraftMark({
  draftKey,
  text,
  number,
  label,
  status,
  first,
  selected,
  inQuote,
  onSelect,
}: {
  draftKey: string;
  text: string;
  number: number;
  /** "Nhiệm vụ 3: …", for the number's button. */
  label: string;
  status: DraftStatus;
  first: boolean;
  selected: boolean;
  inQuote: boolean;
  onSelect: (key: string) => void;
}) {
  return (
    <>
      {first ? (
        <button
          type="button"
          className="import-mark-number"
          data-status={status}
          aria-label={label}
          onClick={() => onSelect(draftKey)}
        >
          {number}
        </button>
      ) : null}
      <mark
        id={first ? markId(draftKey) : undefined}
        className={`import-mark${selected ? ' selected' : ''}${inQuote ? ' in-quote' : ''}`}
        data-status={status}
      >
        {text}
      </mark>
    </>
  );
});

/**
 * The article's text with each draft's clause in a <mark> (coloured by its review state, numbered like the list),
 * and the sentence of the selected draft underlined. Built from spans as React elements, never as HTML; a change
 * to one draft re-renders its marks only.
 */
export const HighlightedText = memo(function HighlightedText({
  body,
  drafts,
  selectedKey,
  onSelect,
}: {
  body: string;
  drafts: readonly Draft[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation();
  const byKey = useMemo(() => new Map(drafts.map((d, i) => [d.key, { draft: d, number: i + 1 }])), [drafts]);
  const selected = selectedKey ? byKey.get(selectedKey)?.draft : undefined;
  const spans = useMemo(() => drafts.map((d) => ({ key: d.key, start: d.clause.start, end: d.clause.end })), [drafts]);
  const pieces = useMemo(
    () => stretches(body.length, spans, selected ? selected.quote : null),
    [body.length, spans, selected],
  );
  const numbered = new Set<string>();
  return (
    <div className="import-text">
      {pieces.map((p) => {
        const text = body.slice(p.start, p.end);
        const entry = p.key ? byKey.get(p.key) : undefined;
        if (!entry) {
          return p.selectedQuote ? (
            <span key={p.start} className="import-quote">
              {text}
            </span>
          ) : (
            <Fragment key={p.start}>{text}</Fragment>
          );
        }
        const first = !numbered.has(entry.draft.key);
        numbered.add(entry.draft.key);
        return (
          <DraftMark
            key={p.start}
            draftKey={entry.draft.key}
            text={text}
            number={entry.number}
            label={first ? t('articleImport.review.markLabel', { number: entry.number, title: entry.draft.title }) : ''}
            status={entry.draft.status}
            first={first}
            selected={entry.draft.key === selectedKey}
            inQuote={p.selectedQuote}
            onSelect={onSelect}
          />
        );
      })}
    </div>
  );
});

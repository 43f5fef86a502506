import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlideKind } from '../utils/settings';

/** Steps by which a slide's body may be drawn smaller when its content would not fit (see presentation.css). */
const MAX_SHRINK = 3;

/**
 * Draws the body a step smaller while its content overflows (an unusually long title, quote or list), so nothing
 * is ever cut off or drawn over the bar; back to full size when the screen's size changes.
 */
function useFitToBox(content: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  const [shrink, setShrink] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever the content or the step changes
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && shrink < MAX_SHRINK && el.scrollHeight > el.clientHeight + 1) setShrink(shrink + 1);
  }, [content, shrink]);
  useEffect(() => {
    const reset = () => setShrink(0);
    window.addEventListener('resize', reset);
    return () => window.removeEventListener('resize', reset);
  }, []);
  return { ref, shrink };
}

/**
 * One slide: an eyebrow line, the slide's title (the page's only h1 while it is on screen), the scope the figures
 * cover, the body and an optional note. Each slide is a labelled region ("slide 3/12: …").
 */
export function SlideFrame({
  kind,
  label,
  eyebrow,
  title,
  scope,
  note,
  children,
}: {
  kind: SlideKind | 'title';
  label: string;
  eyebrow?: ReactNode;
  title: ReactNode;
  scope?: readonly string[];
  note?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fit = useFitToBox(children);
  return (
    <section
      className={`p-slide p-slide-${kind}`}
      aria-roledescription={t('present.slideRole')}
      aria-label={label}
      data-slide-kind={kind}
    >
      <header className="p-slide-header">
        <div className="p-slide-heading">
          {eyebrow ? <p className="p-eyebrow">{eyebrow}</p> : null}
          <h1 className="p-title">{title}</h1>
        </div>
        {scope?.length ? (
          <p className="p-scope">
            {scope.map((part) => (
              <span key={part}>{part}</span>
            ))}
          </p>
        ) : null}
      </header>
      <div className="p-slide-body" ref={fit.ref} data-shrink={fit.shrink || undefined}>
        {children}
      </div>
      {note ? <p className="p-note">{note}</p> : null}
    </section>
  );
}

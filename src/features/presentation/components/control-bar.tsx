import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { FullscreenFailure } from '../hooks/use-fullscreen';
import { Icon } from './icons';

export interface ControlBarProps {
  /** 0-based index of the slide on screen, and the number of slides (0 before the first figures). */
  index: number;
  total: number;
  kindLabel: string | null;
  /** 0..1 of the slide's time spent. */
  progress: number;
  paused: boolean;
  /** "Số liệu lúc 14:05", or the stale marker. */
  freshness: string | null;
  stale: boolean;
  /** When the figures on screen were fetched (ms), for "cập nhật 12 giây trước"; null before the first. */
  dataAt?: number | null;
  /** The live connection is down and being retried. */
  reconnecting?: boolean;
  settingsOpen: boolean;
  settingsButtonRef: Ref<HTMLButtonElement>;
  fullscreen: boolean;
  fullscreenFailure: FullscreenFailure | null;
  onPrevious: () => void;
  onNext: () => void;
  onTogglePause: () => void;
  onToggleSettings: () => void;
  onToggleFullscreen: () => void;
  onDismissFailure: () => void;
  onExit: () => void;
}

/** "12 giây trước" in the interface's language (seconds, then minutes, hours, days). */
export function timeAgo(ms: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return rtf.format(-s, 'second');
  const m = Math.round(s / 60);
  if (m < 60) return rtf.format(-m, 'minute');
  const h = Math.round(m / 60);
  return h < 48 ? rtf.format(-h, 'hour') : rtf.format(-Math.round(h / 24), 'day');
}

/**
 * How long ago the figures were fetched, and whether the screen is reconnecting. Ticks by itself (every second for
 * the first minute, then every 15 s), so the slides never re-render for it. Not a live region: a screen reader hears
 * the data time and the stale marker beside it, not a count every second.
 */
function FreshnessAge({ at, reconnecting }: { at: number | null; reconnecting: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [now, setNow] = useState(() => Date.now());
  const age = at === null ? null : now - at;
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), age !== null && age > 60_000 ? 15_000 : 1000);
    return () => clearTimeout(timer);
  });
  if (age === null && !reconnecting) return null;
  // While reconnecting, the marker beside says the figures are old: their age, not "updated …".
  const ageText =
    age === null
      ? null
      : reconnecting
        ? age < 5000
          ? null
          : timeAgo(age, f.locale)
        : age < 5000
          ? t('present.status.justNow')
          : t('present.status.age', { ago: timeAgo(age, f.locale) });
  const parts = [...(ageText ? [ageText] : []), ...(reconnecting ? [t('present.status.reconnecting')] : [])];
  return (
    <p className="p-age">
      <span className="p-age-dot" aria-hidden="true">
        ·{' '}
      </span>
      {parts.join(' · ')}
    </p>
  );
}

/** The show's bottom bar: where we are, how fresh the figures are, and the controls (which fade when idle). */
export function ControlBar(props: ControlBarProps) {
  const { t } = useTranslation();
  const hasSlides = props.total > 0;
  return (
    <footer className="p-bar">
      <div className="p-timebar" aria-hidden="true">
        <span className="p-timebar-fill" style={{ transform: `scaleX(${hasSlides ? props.progress : 0})` }} />
      </div>
      {props.fullscreenFailure ? (
        <div className="p-notice" role="alert">
          <p>
            {props.fullscreenFailure === 'unsupported'
              ? t('present.controls.fullscreenUnsupported')
              : t('present.controls.fullscreenRefused')}
          </p>
          <button type="button" className="p-button" onClick={props.onDismissFailure}>
            {t('present.controls.dismiss')}
          </button>
        </div>
      ) : null}
      <div className="p-bar-row">
        <p className="p-position">
          {hasSlides ? (
            <>
              <strong className="p-counter">
                {props.index + 1}/{props.total}
              </strong>
              {props.kindLabel ? <span className="p-position-kind">{props.kindLabel}</span> : null}
            </>
          ) : null}
          {props.paused ? <span className="p-paused">{t('present.status.paused')}</span> : null}
        </p>
        <p className={props.stale ? 'p-freshness p-stale' : 'p-freshness'} role="status">
          {props.stale ? <Icon name="warning" /> : null}
          {props.freshness ?? ''}
        </p>
        <FreshnessAge at={props.dataAt ?? null} reconnecting={Boolean(props.reconnecting)} />
        <div className="p-controls" role="toolbar" aria-label={t('present.controls.label')}>
          <button
            type="button"
            className="p-icon-button"
            onClick={props.onPrevious}
            disabled={!hasSlides}
            aria-label={t('present.controls.previous')}
            title={t('present.controls.previous')}
          >
            <Icon name="previous" />
          </button>
          <button
            type="button"
            className="p-icon-button"
            onClick={props.onTogglePause}
            aria-label={props.paused ? t('present.controls.resume') : t('present.controls.pause')}
            title={props.paused ? t('present.controls.resume') : t('present.controls.pause')}
          >
            <Icon name={props.paused ? 'play' : 'pause'} />
          </button>
          <button
            type="button"
            className="p-icon-button"
            onClick={props.onNext}
            disabled={!hasSlides}
            aria-label={t('present.controls.next')}
            title={t('present.controls.next')}
          >
            <Icon name="next" />
          </button>
          <button
            type="button"
            ref={props.settingsButtonRef}
            className="p-icon-button"
            onClick={props.onToggleSettings}
            aria-expanded={props.settingsOpen}
            aria-controls={props.settingsOpen ? 'present-settings' : undefined}
            aria-label={t('present.controls.settings')}
            title={t('present.controls.settings')}
          >
            <Icon name="settings" />
          </button>
          <button
            type="button"
            className="p-icon-button"
            onClick={props.onToggleFullscreen}
            aria-label={props.fullscreen ? t('present.controls.exitFullscreen') : t('present.controls.fullscreen')}
            title={props.fullscreen ? t('present.controls.exitFullscreen') : t('present.controls.fullscreen')}
          >
            <Icon name={props.fullscreen ? 'exitFullscreen' : 'fullscreen'} />
          </button>
          <button
            type="button"
            className="p-icon-button"
            onClick={props.onExit}
            aria-label={t('present.controls.exit')}
            title={t('present.controls.exit')}
          >
            <Icon name="exit" />
          </button>
        </div>
      </div>
    </footer>
  );
}

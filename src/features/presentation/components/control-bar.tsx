import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
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

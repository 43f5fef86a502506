import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../i18n/i18n';
import { useLanguageChoice } from '../../../i18n/use-language';
import {
  clampSeconds,
  DEFAULT_SETTINGS,
  DURATION,
  moveSlide,
  type PresentationSettings,
  pickerItems,
  RANKINGS,
  REFRESH,
  THEMES,
  toggleSlide,
} from '../utils/settings';

/** A seconds field that writes only a valid value (on blur or Enter), and shows the bounds. */
function SecondsField({
  label,
  value,
  bounds,
  onCommit,
}: {
  label: string;
  value: number;
  bounds: { min: number; max: number };
  onCommit: (seconds: number) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit = () => {
    const n = clampSeconds(Number(draft), bounds);
    setDraft(String(n));
    if (n !== value) onCommit(n);
  };
  return (
    <div className="p-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={bounds.min}
        max={bounds.max}
        step={1}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

/**
 * The operator's panel: which slides, in which order, for how long, refreshed how often, in which theme and
 * language. Every choice is written to the URL at once (by the route), so the bookmark reproduces the show.
 */
export function SettingsPanel({
  settings,
  onChange,
  onClose,
  returnFocusTo,
}: {
  settings: PresentationSettings;
  onChange: (next: PresentationSettings) => void;
  onClose: () => void;
  returnFocusTo: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const language = useLanguageChoice();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    headingRef.current?.focus();
    const back = returnFocusTo.current;
    return () => back?.focus();
  }, [returnFocusTo]);

  const set = (patch: Partial<PresentationSettings>) => onChange({ ...settings, ...patch });
  const items = pickerItems(settings.slides);
  const onlyOne = settings.slides.length === 1;

  return (
    <aside id="present-settings" className="p-panel" role="dialog" aria-modal="false" aria-labelledby={headingId}>
      <div className="p-panel-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('present.panel.title')}
        </h2>
        <button type="button" className="p-button" onClick={onClose}>
          {t('present.panel.close')}
        </button>
      </div>

      <fieldset className="p-fieldset">
        <legend>{t('present.panel.slides')}</legend>
        <ol className="p-picker">
          {items.map(({ kind, included }) => {
            const name = t(`present.kinds.${kind}`);
            const at = settings.slides.indexOf(kind);
            return (
              <li key={kind} className={included ? 'p-pick' : 'p-pick p-pick-off'}>
                <label className="p-check">
                  <input
                    type="checkbox"
                    checked={included}
                    disabled={included && onlyOne}
                    aria-describedby={included && onlyOne ? `${headingId}-last` : undefined}
                    onChange={(e) => set({ slides: toggleSlide(settings.slides, kind, e.target.checked) })}
                  />
                  <span>{name}</span>
                </label>
                {included ? (
                  <span className="p-move">
                    <button
                      type="button"
                      className="p-button p-button-small"
                      disabled={at <= 0}
                      aria-label={t('present.panel.moveUp', { name })}
                      onClick={() => set({ slides: moveSlide(settings.slides, kind, -1) })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="p-button p-button-small"
                      disabled={at >= settings.slides.length - 1}
                      aria-label={t('present.panel.moveDown', { name })}
                      onClick={() => set({ slides: moveSlide(settings.slides, kind, 1) })}
                    >
                      ↓
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
        {onlyOne ? (
          <p id={`${headingId}-last`} className="p-panel-note">
            {t('present.panel.lastOne')}
          </p>
        ) : null}
      </fieldset>

      <SecondsField
        label={t('present.panel.duration', { min: DURATION.min, max: DURATION.max })}
        value={settings.duration}
        bounds={DURATION}
        onCommit={(duration) => set({ duration })}
      />
      <SecondsField
        label={t('present.panel.refresh', { min: REFRESH.min, max: REFRESH.max })}
        value={settings.refresh}
        bounds={REFRESH}
        onCommit={(refresh) => set({ refresh })}
      />

      <fieldset className="p-fieldset p-radios">
        <legend>{t('present.panel.theme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="p-radio">
            <input
              type="radio"
              name="present-theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => set({ theme })}
            />
            {t(`present.panel.themes.${theme}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="p-fieldset p-radios">
        <legend>{t('present.panel.rank')}</legend>
        {RANKINGS.map((rank) => (
          <label key={rank} className="p-radio">
            <input
              type="radio"
              name="present-rank"
              value={rank}
              checked={settings.rank === rank}
              onChange={() => set({ rank })}
            />
            {t(`present.panel.ranks.${rank}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="p-fieldset p-radios">
        <legend>{t('present.panel.language')}</legend>
        {LANGUAGES.map((lng) => (
          <label key={lng} className="p-radio" lang={lng}>
            <input
              type="radio"
              name="present-language"
              value={lng}
              checked={language.current === lng}
              onChange={() => language.choose(lng)}
            />
            {t(`app.languageName.${lng}`)}
          </label>
        ))}
      </fieldset>

      <div className="p-panel-actions">
        <button
          type="button"
          className="p-button"
          onClick={() => onChange({ ...DEFAULT_SETTINGS, paused: settings.paused })}
        >
          {t('present.panel.reset')}
        </button>
      </div>
      <p className="p-panel-note">{t('present.panel.bookmark')}</p>

      <h3 className="p-panel-subhead">{t('present.panel.shortcuts')}</h3>
      <ul className="p-keys">
        {(['space', 'arrows', 'homeEnd', 'fullscreen', 'escape'] as const).map((k) => (
          <li key={k}>{t(`present.panel.keys.${k}`)}</li>
        ))}
      </ul>
    </aside>
  );
}

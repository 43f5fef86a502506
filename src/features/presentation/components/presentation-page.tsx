import type { TFunction } from 'i18next';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useLiveStale, useLiveStatus } from '../../../api/live';
import type { Stats, TaskFilters } from '../../../api/schemas';
import { pathLabel, useChosenLocalities } from '../../../components/filters/use-chosen-localities';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { useFullscreen } from '../hooks/use-fullscreen';
import { useIdle } from '../hooks/use-idle';
import { freshnessOf, usePresentationData, useUnitStats } from '../hooks/use-presentation-data';
import { useSlideShow } from '../hooks/use-slide-show';
import { useWakeLock } from '../hooks/use-wake-lock';
import { buildDeck, type Slide, step } from '../utils/deck';
import type { PresentationSettings, SlideKind } from '../utils/settings';
import { wallTitle } from '../utils/shape';
import { themeStyle } from '../utils/themes';
import { ControlBar } from './control-bar';
import { DonutSlide, KpiSlide, LocalitySlide, RankingSlide, type SlideCommon } from './figure-slides';
import { FlagshipSlide, OverdueSlide } from './list-slides';
import { SettingsPanel } from './settings-panel';
import { TitleSlide } from './title-slide';
import '../presentation.css';

/** The cursor hides after this long without pointer or key activity. */
export const IDLE_MS = 3000;

export interface PresentationPageProps {
  /** The shared filters (era included): they apply to every slide. */
  filters: TaskFilters;
  settings: PresentationSettings;
  /** Writes settings to the URL (the route does it). */
  onSettingsChange: (next: PresentationSettings) => void;
  /** Leaves the show (back to the overview with the same filters). */
  onExit: () => void;
}

const FILTER_KEYS_SHOWN = new Set(['locality', 'era', 'q']);

/** What the figures cover, in words: locality (its path), search, era, other filters, date of evaluation. */
function useScope(filters: TaskFilters, stats: Stats | undefined): string[] {
  const { t } = useTranslation();
  const f = useFormat();
  const localities = filters.locality ?? [];
  const { chosen } = useChosenLocalities(localities, filters.era ?? 'post2025');
  const parts: string[] = [];
  const parent = stats?.byLocality.parent;
  if (localities.length === 0) parts.push(t('present.scope.all'));
  else if (chosen.length === localities.length && chosen.length <= 3) {
    parts.push(chosen.map((c) => pathLabel(c.path)).join(', '));
  } else if (localities.length === 1 && parent) parts.push(parent.name);
  else parts.push(t('present.scope.localities', { count: localities.length }));
  if (filters.q) parts.push(t('present.scope.search', { q: filters.q }));
  if (filters.era === 'pre2025') parts.push(t('present.scope.era.pre2025'));
  const others = Object.entries(filters).filter(
    ([key, value]) => !FILTER_KEYS_SHOWN.has(key) && value !== undefined && !(Array.isArray(value) && !value.length),
  ).length;
  if (others > 0) parts.push(t('present.scope.filtered', { count: others }));
  if (stats) parts.push(t('present.kpi.asOf', { date: f.date(stats.asOf) }));
  return parts;
}

function sameLocalDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

function useFreshnessText(at: number | null, stale: boolean): string | null {
  const { t } = useTranslation();
  const f = useFormat();
  if (at === null) return null;
  const time = f.time(at);
  if (sameLocalDay(at, Date.now())) return t(stale ? 'present.status.stale' : 'present.status.dataAt', { time });
  const date = new Intl.DateTimeFormat(f.locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  return t(stale ? 'present.status.staleDay' : 'present.status.dataAtDay', { time, date });
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('input, select, textarea, [contenteditable="true"]'));
}
function isPressable(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('button, a[href], summary, [role="button"]'));
}

/**
 * The presentation: full-bleed slides that advance on their own, for a projector in a meeting or a wall screen all
 * day. It reads the same API as the overview, refreshes on an interval, and never shows a blank or error-filled
 * screen: before the first figures a title slide, after a failed refresh the last good figures with a marker.
 */
export function PresentationPage({ filters, settings, onSettingsChange, onExit }: PresentationPageProps) {
  const { t } = useTranslation();
  const data = usePresentationData(filters, settings);
  const stats = data.stats.data;
  const flagshipItems = data.flagship?.items ?? null;
  // Keyed by the list's content: the settings object is rebuilt from the URL on every render.
  const slidesKey = settings.slides.join(',');
  const deck = useMemo(
    () => buildDeck(slidesKey.split(',') as SlideKind[], { stats: stats ?? null, flagship: flagshipItems }),
    [slidesKey, stats, flagshipItems],
  );

  const [panelOpen, setPanelOpen] = useState(false);
  const settingsButtonRef = useRef<HTMLButtonElement>(null);
  const running = !settings.paused && !panelOpen;
  const show = useSlideShow(deck, settings.duration * 1000, running);
  // The rotation's units: only the one on screen and the next one are fetched and kept live.
  const nearby = [show.slide, deck[step(show.index, 1, deck.length)]];
  const activeUnits = [...new Set(nearby.flatMap((s) => (s?.kind === 'localities' ? [s.unit.code] : [])))];
  const units = useUnitStats(filters, stats?.byLocality.era ?? filters.era, activeUnits, settings.refresh);
  const dataFreshness = freshnessOf(data.stats, [
    ...(data.flagshipQuery ? [data.flagshipQuery] : []),
    ...units.queries,
  ]);
  const fullscreen = useFullscreen();
  const idle = useIdle(IDLE_MS);
  const wakeLock = useWakeLock(true);
  const scope = useScope(filters, stats);
  // The live connection down (server restarting, network gone) is stale too, before any refresh has failed.
  const live = useLiveStatus();
  const liveStale = useLiveStale();
  const stale = dataFreshness.stale || liveStale;
  const freshness = useFreshnessText(dataFreshness.at, stale);

  const togglePause = useCallback(
    () => onSettingsChange({ ...settings, paused: !settings.paused }),
    [onSettingsChange, settings],
  );

  // Keyboard: the whole show is operable without a pointer (and with a presentation clicker: PageUp/PageDown).
  // One listener for the page's life; it reads the latest state through a ref.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKeyRef.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      if (panelOpen) {
        e.preventDefault();
        setPanelOpen(false);
      } else if (document.fullscreenElement) {
        void fullscreen.exit();
      }
      return;
    }
    if (isEditable(e.target)) return;
    const onControl = isPressable(e.target);
    switch (e.key) {
      case ' ':
      case 'Spacebar':
        if (onControl) return; // Space presses the focused button
        e.preventDefault();
        togglePause();
        return;
      case 'ArrowRight':
      case 'PageDown':
        e.preventDefault();
        show.next();
        return;
      case 'ArrowLeft':
      case 'PageUp':
        e.preventDefault();
        show.previous();
        return;
      case 'Home':
        e.preventDefault();
        show.first();
        return;
      case 'End':
        e.preventDefault();
        show.last();
        return;
      case 'f':
      case 'F':
        e.preventDefault();
        void fullscreen.toggle();
        return;
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const total = deck.length;
  const slide = show.slide;
  const label = (kindName: string) =>
    total > 0 ? `${t('present.slideOf', { current: show.index + 1, total })}: ${kindName}` : kindName;

  let body: ReactNode;
  if (!stats || !slide) {
    const error = data.stats.error;
    // The deck can be empty while the flagship list (the only kind asked for, say) is still on its way.
    const message = stats
      ? data.flagshipQuery?.isPending
        ? t('present.title.loading')
        : t('present.title.empty')
      : error
        ? // A request the server rejects (a stale bookmark's unknown locality) says why; anything else retries.
          error instanceof ApiError && error.kind === 'http' && (error.status ?? 500) < 500
          ? errorText(error, t)
          : t('present.title.retrying')
        : t('present.title.loading');
    body = <TitleSlide scope={scope} message={message} label={t('present.showLabel')} />;
  } else {
    body = (
      <SlideView
        slide={slide}
        stats={stats}
        settings={settings}
        data={data}
        unitStats={units.byCode}
        common={{ label: label(kindName(slide, t)), scope }}
        filters={filters}
      />
    );
  }

  return (
    <div
      className={`present${idle && !panelOpen ? ' is-idle' : ''}`}
      data-theme={settings.theme}
      data-wake-lock={wakeLock}
      style={themeStyle(settings.theme)}
    >
      <main id="main" className="p-stage" tabIndex={-1} aria-label={t('present.showLabel')}>
        <div className="p-slide-wrap" key={slide?.key ?? 'title'}>
          {body}
        </div>
      </main>
      <ControlBar
        index={show.index}
        total={stats ? total : 0}
        kindLabel={slide ? t(`present.kinds.${slide.kind}`) : null}
        progress={show.progress}
        paused={settings.paused}
        freshness={freshness}
        stale={stale}
        dataAt={dataFreshness.at}
        reconnecting={live.mode === 'down'}
        settingsOpen={panelOpen}
        settingsButtonRef={settingsButtonRef}
        fullscreen={fullscreen.active}
        fullscreenFailure={fullscreen.failure}
        onPrevious={show.previous}
        onNext={show.next}
        onTogglePause={togglePause}
        onToggleSettings={() => setPanelOpen((open) => !open)}
        onToggleFullscreen={() => void fullscreen.toggle()}
        onDismissFailure={fullscreen.dismiss}
        onExit={onExit}
      />
      {panelOpen ? (
        <SettingsPanel
          settings={settings}
          onChange={onSettingsChange}
          onClose={() => setPanelOpen(false)}
          returnFocusTo={settingsButtonRef}
        />
      ) : null}
    </div>
  );
}

function kindName(slide: Slide, t: TFunction): string {
  switch (slide.kind) {
    case 'flagship':
      return `${t('present.kinds.flagship')} — ${wallTitle(slide.task.title)}`;
    case 'localities':
      return `${t('present.kinds.localities')} — ${slide.unit.name}`;
    default:
      return t(`present.kinds.${slide.kind}`);
  }
}

function SlideView({
  slide,
  stats,
  settings,
  data,
  unitStats,
  common,
  filters,
}: {
  slide: Slide;
  stats: Stats;
  settings: PresentationSettings;
  data: ReturnType<typeof usePresentationData>;
  unitStats: ReturnType<typeof useUnitStats>['byCode'];
  common: SlideCommon;
  /** The show's filters (the overdue list links to all of its tasks with them). */
  filters: TaskFilters;
}) {
  switch (slide.kind) {
    case 'kpi':
      return <KpiSlide stats={stats} {...common} />;
    case 'donut':
      return <DonutSlide stats={stats} {...common} />;
    case 'ranking':
      return <RankingSlide stats={stats} rank={settings.rank} {...common} />;
    case 'overdue':
      return (
        <OverdueSlide
          tasks={slide.tasks}
          page={slide.page}
          pages={slide.pages}
          firstRank={slide.firstRank}
          listed={stats.mostOverdue.length}
          overdueCount={stats.byTimeliness.overdue ?? 0}
          asOf={stats.asOf}
          filters={filters}
          {...common}
        />
      );
    case 'flagship':
      return (
        <FlagshipSlide
          task={slide.task}
          index={slide.index}
          count={slide.count}
          total={data.flagship?.total ?? slide.count}
          article={slide.task.articleId ? data.articleById.get(slide.task.articleId) : undefined}
          {...common}
        />
      );
    case 'localities':
      return (
        <LocalitySlide
          unit={slide.unit}
          index={slide.index}
          count={slide.count}
          of={slide.of}
          parentName={stats.byLocality.parent?.name ?? null}
          query={unitStats.get(slide.unit.code)}
          {...common}
        />
      );
  }
}

/** The show's running order: the chosen kinds of slides expanded into concrete slides from the data. */
import type { Stats, Task } from '../../../api/schemas';
import type { SlideKind } from './settings';
import { balancedPages, rankUnits, rotationUnits, sortOverdue, type UnitRef } from './shape';

/** At most this many overdue tasks on one slide (large type, read from the back of a room). */
export const OVERDUE_PER_SLIDE = 6;
/** The rotation visits at most this many child units: those with the most tasks. */
export const ROTATION_CAP = 12;
/** At most this many flagship projects get a spotlight: the most recently updated (a slide says when capped). */
export const FLAGSHIP_CAP = 16;
/** The ranking shows at most this many units. */
export const RANKING_ROWS = 10;

export type Slide =
  | { kind: 'kpi'; key: 'kpi' }
  | { kind: 'donut'; key: 'donut' }
  | { kind: 'ranking'; key: 'ranking' }
  | {
      kind: 'overdue';
      key: string;
      tasks: Task[];
      /** 1-based page of the overdue list, and the number of pages. */
      page: number;
      pages: number;
      /** First row's rank (1-based) on this page. */
      firstRank: number;
    }
  | { kind: 'flagship'; key: string; task: Task; index: number; count: number }
  | {
      kind: 'localities';
      key: string;
      unit: UnitRef;
      index: number;
      /** Units in the rotation, and units with tasks (more when the rotation is capped). */
      count: number;
      of: number;
    };

export interface DeckInput {
  stats: Stats | null;
  /** Flagship tasks, null while unknown. */
  flagship: readonly Task[] | null;
}

/** Expands the kinds in order. Kinds with nothing to show are left out, except the overdue list (none is news). */
export function buildDeck(kinds: readonly SlideKind[], { stats, flagship }: DeckInput): Slide[] {
  if (!stats) return [];
  const slides: Slide[] = [];
  for (const kind of kinds) {
    switch (kind) {
      case 'kpi':
        slides.push({ kind, key: 'kpi' });
        break;
      case 'donut':
        slides.push({ kind, key: 'donut' });
        break;
      case 'ranking':
        // A ranking needs at least two units to rank.
        if (rankUnits(stats.byLocality.items, 'overdue', RANKING_ROWS).ranked >= 2) {
          slides.push({ kind, key: kind });
        }
        break;
      case 'overdue': {
        const pages = balancedPages(sortOverdue(stats.mostOverdue, stats.asOf), OVERDUE_PER_SLIDE);
        if (pages.length === 0) {
          slides.push({ kind, key: 'overdue-1', tasks: [], page: 1, pages: 1, firstRank: 1 });
        }
        let rank = 1;
        pages.forEach((tasks, i) => {
          slides.push({ kind, key: `overdue-${i + 1}`, tasks, page: i + 1, pages: pages.length, firstRank: rank });
          rank += tasks.length;
        });
        break;
      }
      case 'flagship':
        (flagship ?? []).slice(0, FLAGSHIP_CAP).forEach((task, i, all) => {
          slides.push({ kind, key: `flagship-${task.id}`, task, index: i + 1, count: all.length });
        });
        break;
      case 'localities': {
        const units = rotationUnits(stats.byLocality.items, Number.MAX_SAFE_INTEGER);
        const shown = units.slice(0, ROTATION_CAP);
        shown.forEach((unit, i) => {
          slides.push({
            kind,
            key: `locality-${unit.code}`,
            unit,
            index: i + 1,
            count: shown.length,
            of: units.length,
          });
        });
        break;
      }
    }
  }
  return slides;
}

/**
 * Where the show stands after the deck changed (a refresh can add or drop slides): on the same slide when it is
 * still there, else at the same position (clamped).
 */
export function resolveIndex(deck: readonly Slide[], key: string | null, fallback: number): number {
  if (deck.length === 0) return 0;
  if (key !== null) {
    const at = deck.findIndex((s) => s.key === key);
    if (at >= 0) return at;
  }
  return Math.min(Math.max(0, fallback), deck.length - 1);
}

/** Next/previous with wrap-around (a show loops). */
export function step(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return (((index + delta) % length) + length) % length;
}

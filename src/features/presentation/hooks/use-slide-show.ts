import { useCallback, useEffect, useState } from 'react';
import { resolveIndex, type Slide, step } from '../utils/deck';

/** How often the show's clock ticks (the time bar moves in these steps). */
export const TICK_MS = 250;

/**
 * Which slide is on screen and for how long it has been: advances after `durationMs` while `running`, loops at the
 * end, and stays on the same slide when a data refresh adds or removes slides around it.
 */
export function useSlideShow(deck: readonly Slide[], durationMs: number, running: boolean) {
  const [pos, setPos] = useState<{ index: number; key: string | null }>({ index: 0, key: null });
  const [elapsed, setElapsed] = useState(0);
  const index = resolveIndex(deck, pos.key, pos.index);
  const length = deck.length;

  const goTo = useCallback(
    (target: number) => {
      if (deck.length === 0) return;
      const i = Math.min(Math.max(0, target), deck.length - 1);
      setPos({ index: i, key: deck[i]?.key ?? null });
      setElapsed(0);
    },
    [deck],
  );
  const next = useCallback(() => goTo(step(index, 1, length)), [goTo, index, length]);
  const previous = useCallback(() => goTo(step(index, -1, length)), [goTo, index, length]);
  const first = useCallback(() => goTo(0), [goTo]);
  const last = useCallback(() => goTo(length - 1), [goTo, length]);

  useEffect(() => {
    if (!running || length === 0) return;
    let before = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      const delta = Math.max(0, now - before);
      before = now;
      setElapsed((e) => e + delta);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [running, length]);

  useEffect(() => {
    if (running && length > 0 && elapsed >= durationMs) next();
  }, [elapsed, durationMs, running, length, next]);

  return {
    index,
    slide: deck[index] ?? null,
    /** 0..1 of the slide's time spent. */
    progress: durationMs > 0 ? Math.min(1, elapsed / durationMs) : 0,
    remainingMs: Math.max(0, durationMs - elapsed),
    goTo,
    next,
    previous,
    first,
    last,
  };
}

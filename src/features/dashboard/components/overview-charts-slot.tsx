import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import type { OverviewChartsProps } from './overview-charts';

type Charts = ComponentType<OverviewChartsProps>;

let loaded: Charts | null = null;
let loading: Promise<Charts> | null = null;

/** Starts loading the overview's charts' chunk (once); resolves to its component. */
export function loadOverviewCharts(): Promise<Charts> {
  loading ??= import('./overview-charts').then((module) => {
    loaded = module.default;
    return loaded;
  });
  return loading;
}

/**
 * The overview's charts, or `fallback` while their chunk loads. Inside the charts' error boundary: a failed load is
 * that card's error, with its retry.
 */
export function OverviewChartsSlot({ fallback, ...props }: OverviewChartsProps & { fallback: ReactNode }) {
  const Charts = useOverviewCharts();
  return Charts ? <Charts {...props} /> : fallback;
}

/**
 * The overview's charts' component once its chunk has loaded (null until then), loaded on first use: only the
 * overview needs it. Not React.lazy under <Suspense>: React holds back the content of a boundary that has shown its
 * fallback until 300 ms after the fallback appeared (it batches reveals), so the charts, whose chunk is preloaded by
 * the HTML and ready within a frame or two, were drawn up to 300 ms after their data and code were there (issue 16).
 * A failed load is thrown during render, to the nearest error boundary, as a lazy component's is.
 */
function useOverviewCharts(): Charts | null {
  // A function: useState would call a component given as the initial state.
  const [charts, setCharts] = useState<Charts | null>(() => loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (charts) return;
    let live = true;
    loadOverviewCharts().then(
      (component) => live && setCharts(() => component),
      (reason: unknown) => {
        // The next attempt (the error boundary's retry) loads it again.
        loading = null;
        if (live) setError(reason);
      },
    );
    return () => {
      live = false;
    };
  }, [charts]);
  if (error) throw error;
  return charts;
}

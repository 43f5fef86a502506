import { useEffect } from 'react';

/** Marked when the user changes a filter (by the screen's route, before it navigates). */
export const FILTER_CHANGE_MARK = 'dt:filter-change';
/** Marked after the frame that first shows data for the current filters (charts, table). Read by the benchmark. */
export const FILTERS_APPLIED_MARK = 'dt:filters-applied';

export function markFilterChange(): void {
  if (typeof performance !== 'undefined') performance.mark(FILTER_CHANGE_MARK);
}

/**
 * Marks FILTERS_APPLIED_MARK once the frame showing the data has been painted (a task queued from the next animation
 * frame runs after that frame's paint), when `ready` (the data of the current filters, not a placeholder of the
 * previous ones), and again whenever `data` changes while ready.
 */
export function useFiltersAppliedMark(ready: boolean, data: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `data` is the trigger (a new result), not read
  useEffect(() => {
    if (!ready || typeof requestAnimationFrame === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => performance.mark(FILTERS_APPLIED_MARK), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, data]);
}

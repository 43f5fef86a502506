import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * The width, in CSS px, a chart is drawn at on the printed report: half of an A4 page's printable width (210 mm less
 * the 10 mm margins of `@page`, 718 px), less the gap between the two columns and a card's padding and border
 * (styles.css, "Printed report"). A chart never measures its box while the page prints (the browser lays the page
 * out for paper without running the ResizeObserver), so it is told this width instead; a few px too many are scaled
 * down by the print stylesheet, never cut.
 */
export const PRINT_CHART_WIDTH = 330;

/**
 * The width, in CSS px, a chart that has the whole width of the printed page is drawn at (the /compare ranking, a
 * task's progress): an A4 page's printable width (718 px) less a card's padding and border on paper.
 */
export const PRINT_FULL_CHART_WIDTH = 698;

let printing = false;
const listeners = new Set<() => void>();

function set(next: boolean) {
  if (next === printing) return;
  printing = next;
  // The browser lays the page out for paper as soon as `beforeprint` returns: the charts must be redrawn by then.
  flushSync(() => {
    for (const notify of listeners) notify();
  });
}

let installed = false;
function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // Ctrl+P, window.print() and printing to PDF fire beforeprint/afterprint; print emulation only changes the media.
  window.addEventListener('beforeprint', () => set(true));
  window.addEventListener('afterprint', () => set(window.matchMedia?.('print').matches ?? false));
  const media = window.matchMedia?.('print');
  media?.addEventListener('change', (event) => set(event.matches));
  printing = media?.matches ?? false;
}

/**
 * For a caller of window.print(), once it returns: the print is over (the dialog has closed), even in a browser that
 * fires no `afterprint` after a scripted print (headless Chromium does not), so the charts take the screen again.
 */
export function endPrinting() {
  if (typeof window === 'undefined') return;
  set(window.matchMedia?.('print').matches ?? false);
}

function subscribe(notify: () => void) {
  install();
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
  };
}

/** Whether the page is printing now (outside React). */
export const isPrinting = (): boolean => printing;

/** True while the page is being printed (or shown as printed): charts take their printed size then. */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}

/** Setup of the integration tests (jsdom): DOM matchers, what jsdom lacks for the charts, and the mock API. */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { serveMockApi } from './helpers';

// findBy*/waitFor wait up to 5 s: on a busy 2-core CI machine a whole route can take more than the default 1 s.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: give every observed element a fixed size so Recharts draws its <svg>.
class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const rect = { width: 800, height: 400, top: 0, left: 0, bottom: 400, right: 800, x: 0, y: 0 } as DOMRectReadOnly;
    this.callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = FixedResizeObserver as unknown as typeof ResizeObserver;
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 400 });
HTMLElement.prototype.getBoundingClientRect = () =>
  ({ width: 800, height: 400, top: 0, left: 0, bottom: 400, right: 800, x: 0, y: 0, toJSON() {} }) as DOMRect;

serveMockApi();
// Registered after serveMockApi's hooks, so it runs before them: unmount the app, then reset the mock database.
afterEach(() => cleanup());

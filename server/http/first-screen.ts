/**
 * The first screen as fast as a blank page allows (issue 16), in two halves:
 *
 * - `firstScreenPlugin` (Vite, build time). index.html carries a static shell in #root, between `<!--shell:start-->`
 *   and `<!--shell:end-->`: the overview's header, heading, filter bar and tiles as the app's first render draws
 *   them, so the browser paints them before any script has run. In the server build (the API on this origin) the
 *   plugin adds to <head>, between `<!--first-screen:start-->` and `<!--first-screen:end-->`, a preload of the
 *   overview's first `/stats` request and modulepreloads of the charts' chunks, so the data and the chart code load
 *   while the entry loads instead of after it has run, and inlines the entry's stylesheet (the first paint then
 *   waits for the HTML alone, not for a second request to a server busy with the scripts). Every other build (the demo on its in-browser mock, a build
 *   for another origin, the dev server) gets an empty #root and no preloads: a static host cannot tell routes apart.
 * - `firstScreenHtml` (the server, per request): the shell and the preloads are for `/` alone. The stats preload is
 *   sent only without search params (other filters ask another URL) and only to a reader the API will answer
 *   (PUBLIC_READ or a session cookie); every other route gets neither (their first render is not the overview).
 *   When the server has drawn the first screen from its `/stats` answer (first-screen-render.tsx, server/node.ts),
 *   the shell carries the figures and charts, the page carries the answer, and the entry is started after the first
 *   paint by FIRST_SCREEN_BOOT instead of a module script and its modulepreloads.
 */
import type { Plugin } from 'vite';
import { FIRST_STATS_ID } from '../../src/app/first-screen-id.ts';
import { CHARTS_DRAWN_MARK } from '../../src/features/dashboard/utils/marks.ts';
import type { FirstScreenParts } from './first-screen-render.tsx';

const SHELL = /[ \t]*<!--shell:start-->[\s\S]*?<!--shell:end-->\n?/;
const SHELL_NOTE = /[ \t]*<!--\s*\n\s*The first screen before any script runs[\s\S]*?-->\n?/;
const PRELOADS = /[ \t]*<!--first-screen:start-->[\s\S]*?<!--first-screen:end-->\n?/g;
const STATS_PRELOAD = /[ \t]*<link rel="preload" as="fetch"[^>]*>\n?/;
const INTRO = /<!--shell:intro-->[\s\S]*?<!--\/shell:intro-->/;
const FIGURES = /<!--shell:figures-->[\s\S]*?<!--\/shell:figures-->/;
const CHARTS = /<!--shell:charts-->[\s\S]*?<!--\/shell:charts-->/;
const ENTRY = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/;
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload"[^>]*>\n?/g;

/** Where the server serves FIRST_SCREEN_BOOT. */
export const FIRST_SCREEN_BOOT_PATH = '/first-screen.js';
/**
 * The script a page with the first screen drawn starts the app with, in place of the entry's own tag: the app's code
 * is fetched only once the page has been painted (its first contentful paint has been reported), because its
 * download and compile would otherwise compete with the first paint for the machine's cores, and the page needs no
 * script to show its figures. It marks the charts drawn then (read by `npm run bench`). In a hidden tab (which paints
 * nothing) the app starts at once.
 */
export const FIRST_SCREEN_BOOT = `const entry = document.querySelector('script[data-entry]').dataset.entry;
let started = false;
const start = () => {
  if (started) return;
  started = true;
  if (document.querySelector('#root .chart-grid svg')) performance.mark(${JSON.stringify(CHARTS_DRAWN_MARK)});
  import(entry);
};
if (document.visibilityState === 'visible' && typeof PerformanceObserver === 'function') {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  // A browser that reports no paint entries: a frame, then a task.
  requestAnimationFrame(() => setTimeout(() => setTimeout(start, 100), 0));
} else {
  start();
}
`;

/**
 * The overview's first request as the app makes it (src/api/stats.ts with the default filters: `era` is
 * `eraOf({})`, i.e. post2025). When it differs, the browser simply makes both requests; `npm run bench` notes it.
 */
export const FIRST_STATS_FILTERS = { era: 'post2025' } as const;
export const FIRST_STATS_QUERY = `/stats?era=${FIRST_STATS_FILTERS.era}`;

/** The module whose chunk draws the overview's charts (loaded lazily by overview-page.tsx). */
const CHARTS_MODULE = /[/\\]features[/\\]dashboard[/\\]components[/\\]overview-charts\.tsx$/;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

/** The Vite plugin; `apiUrl` is the build's API base (a path for the server build, '' for the demo). */
export function firstScreenPlugin(apiUrl: string): Plugin {
  const sameOrigin = apiUrl.startsWith('/');
  return {
    name: 'directive-tracker-first-screen',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!sameOrigin || !ctx.bundle) return html.replace(SHELL_NOTE, '').replace(SHELL, '');
        const chunks = new Map<string, ChunkLike>();
        for (const item of Object.values(ctx.bundle)) {
          if (item.type === 'chunk') chunks.set(item.fileName, item as ChunkLike);
        }
        const closure = (starts: string[]) => {
          const seen = new Set<string>();
          const queue = [...starts];
          while (queue.length) {
            const name = queue.pop() as string;
            if (seen.has(name)) continue;
            seen.add(name);
            queue.push(...(chunks.get(name)?.imports ?? []));
          }
          return seen;
        };
        const initial = closure([...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName));
        const chartsChunk = [...chunks.values()].find((c) => c.facadeModuleId && CHARTS_MODULE.test(c.facadeModuleId));
        const chartFiles = chartsChunk ? [...closure([chartsChunk.fileName])].filter((f) => !initial.has(f)) : [];
        const block = (links: string[]) =>
          `    <!--first-screen:start-->\n${links.map((l) => `    ${l}\n`).join('')}    <!--first-screen:end-->\n`;
        // The data first (its request starts before the scripts'), the charts' code after the entry's.
        const stats = block([`<link rel="preload" as="fetch" crossorigin href="${apiUrl}${FIRST_STATS_QUERY}">`]);
        const charts = block(chartFiles.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`));
        // The stylesheet inline: the first paint then needs the HTML alone, not a second request to a busy server.
        const inlined = html.replace(
          /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g,
          (link, file) => {
            const asset = ctx.bundle?.[file];
            if (asset?.type !== 'asset') return link;
            const css = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
            return `<style>${css.replaceAll('</style', '<\\/style')}</style>`;
          },
        );
        return inlined
          .replace(SHELL_NOTE, '')
          .replace(/<\/title>\n/, (end) => `${end}${stats}`)
          .replace(/[ \t]*<\/head>/, (end) => `${charts}${end}`);
      },
    },
  };
}

export interface FirstScreenRequest {
  /** The request's path, e.g. `/` or `/tasks`. */
  path: string;
  /** Whether the URL has search params. */
  hasSearch: boolean;
  /** Whether the API will answer this reader's reads (public reads, or a session cookie was sent). */
  mayRead: boolean;
}

/** Whether the page for this request gets the first screen (the overview, as it opens without filters). */
export const wantsFirstScreen = (request: FirstScreenRequest): boolean =>
  request.path === '/' && !request.hasSearch && request.mayRead;

/** The first screen drawn from the first `/stats` answer (first-screen-render.tsx), and that answer for the app. */
export interface DrawnFirstScreen {
  parts: FirstScreenParts;
  /** The answer's JSON text, which the app starts from (src/app/first-screen-data.ts, `FirstStats`). */
  statsJson: string;
}

/** The `FirstStats` JSON, safe inside a `<script type="application/json">`: nothing in it can end the element. */
const firstStatsJson = (statsJson: string) =>
  `{"filters":${JSON.stringify(FIRST_STATS_FILTERS)},"stats":${statsJson}}`
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');

/**
 * index.html as sent for one request: the shell and the preloads where they are the first screen's. With `drawn`,
 * the shell carries the figures and charts instead of their placeholders and the page carries the answer: no
 * preload is needed then (the data is there), and the app's code loads after the first paint (FIRST_SCREEN_BOOT).
 */
export function firstScreenHtml(
  html: string,
  request: FirstScreenRequest,
  drawn: DrawnFirstScreen | null = null,
): string {
  if (request.path !== '/') return html.replace(PRELOADS, '').replace(SHELL, '');
  // With filters in the URL the first render differs from the shell (chips), and /stats is asked with them.
  if (!wantsFirstScreen(request)) return html.replace(SHELL, '').replace(STATS_PRELOAD, '');
  if (!drawn) return html;
  const { parts, statsJson } = drawn;
  // Function replacements: the markup and the JSON are inserted as they are (no `$&` patterns).
  return html
    .replace(PRELOADS, '')
    .replace(MODULE_PRELOAD, '')
    .replace(
      ENTRY,
      (_tag, entry: string) => `<script type="module" src="${FIRST_SCREEN_BOOT_PATH}" data-entry="${entry}"></script>`,
    )
    .replace(INTRO, () => parts.intro)
    .replace(FIGURES, () => parts.figures)
    .replace(CHARTS, () => parts.charts)
    .replace(
      /<\/body>/,
      () => `  <script type="application/json" id="${FIRST_STATS_ID}">${firstStatsJson(statsJson)}</script>\n  </body>`,
    );
}

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
 */
import type { Plugin } from 'vite';

const SHELL = /[ \t]*<!--shell:start-->[\s\S]*?<!--shell:end-->\n?/;
const SHELL_NOTE = /[ \t]*<!--\s*\n\s*The first screen before any script runs[\s\S]*?-->\n?/;
const PRELOADS = /[ \t]*<!--first-screen:start-->[\s\S]*?<!--first-screen:end-->\n?/g;
const STATS_PRELOAD = /[ \t]*<link rel="preload" as="fetch"[^>]*>\n?/;

/**
 * The overview's first request as the app makes it (src/api/stats.ts with the default filters: `era` is
 * `eraOf({})`, i.e. post2025). When it differs, the browser simply makes both requests; `npm run bench` notes it.
 */
export const FIRST_STATS_QUERY = '/stats?era=post2025';

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

/** index.html as sent for one request: the shell and the preloads where they are the first screen's. */
export function firstScreenHtml(html: string, request: FirstScreenRequest): string {
  if (request.path !== '/') return html.replace(PRELOADS, '').replace(SHELL, '');
  let page = html;
  // With filters in the URL the first render differs from the shell (chips), and /stats is asked with them.
  if (request.hasSearch || !request.mayRead) page = page.replace(SHELL, '').replace(STATS_PRELOAD, '');
  return page;
}

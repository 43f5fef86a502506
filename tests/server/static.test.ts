// @vitest-environment node
/**
 * The built app as the server sends it (issue 16): precompressed assets (brotli, gzip) with a year of caching, and
 * index.html with the first screen on / only: its figures and charts drawn from the first /stats answer, which the
 * page carries for the app, whose code loads after the first paint.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import { FIRST_SCREEN_BOOT_PATH, firstScreenHtml } from '../../server/http/first-screen';
import { precompressDir } from '../../server/http/precompress';
import { createSite, openConfiguredStore } from '../../server/node';
import type { SqlStore } from '../../server/store/sql';

const PAGE = `<!doctype html>
<html lang="vi">
  <head>
    <title>Theo dõi nhiệm vụ chỉ đạo</title>
    <!--first-screen:start-->
    <link rel="preload" as="fetch" crossorigin href="/api/v1/stats?era=post2025">
    <!--first-screen:end-->
    <script type="module" crossorigin src="/assets/index-abc12345.js"></script>
    <!--first-screen:start-->
    <link rel="modulepreload" crossorigin href="/assets/overview-charts-abc12345.js">
    <!--first-screen:end-->
  </head>
  <body>
    <div id="root">
      <!--shell:start-->
      <div class="app" inert><h1>Tổng quan tiến độ nhiệm vụ</h1>
        <p class="page-intro"><!--shell:intro-->… tính đến ngày –.<!--/shell:intro--></p>
        <!--shell:figures--><ul class="kpi-grid"><li>–</li></ul><!--/shell:figures-->
        <!--shell:charts--><div class="chart-grid"><p>Đang tải số liệu…</p></div><!--/shell:charts-->
      </div>
      <!--shell:end-->
    </div>
  </body>
</html>
`;
const SCRIPT = `export const figures = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `nhiệm vụ ${i}`))};\n`;

describe('index.html per request', () => {
  const sent = (path: string, hasSearch = false, mayRead = true) => firstScreenHtml(PAGE, { path, hasSearch, mayRead });

  it('keeps the shell, the stats preload and the charts on / without filters', () => {
    const html = sent('/');
    expect(html).toContain('<!--shell:start-->');
    expect(html).toContain('rel="preload" as="fetch"');
    expect(html).toContain('overview-charts');
  });

  it('drops the shell and the stats preload on / with filters or for a reader who must sign in first', () => {
    for (const html of [sent('/', true), sent('/', false, false)]) {
      expect(html).not.toContain('shell:start');
      expect(html).not.toContain('rel="preload" as="fetch"');
      expect(html).toContain('overview-charts');
      expect(html).toContain('<div id="root">');
    }
  });

  it('draws the first screen into the shell when given it: no preloads, the app started after the first paint', () => {
    const statsJson = '{"total":3,"note":"</script><script>alert(1)</script>\u2028"}';
    const html = firstScreenHtml(
      PAGE,
      { path: '/', hasSearch: false, mayRead: true },
      {
        parts: {
          intro: 'tính đến ngày 26/11/2026.',
          figures: '<ul class="kpi-grid"><li>3</li></ul>',
          charts: '<svg>$&amp;</svg>',
        },
        statsJson,
      },
    );
    expect(html).toContain('<p class="page-intro">tính đến ngày 26/11/2026.</p>');
    expect(html).toContain('<ul class="kpi-grid"><li>3</li></ul>');
    expect(html).toContain('<svg>$&amp;</svg>'); // inserted as it is, not as a replacement pattern
    expect(html).not.toMatch(/shell:(intro|figures|charts)|Đang tải|rel="(module)?preload"/);
    expect(html).toContain(
      `<script type="module" src="${FIRST_SCREEN_BOOT_PATH}" data-entry="/assets/index-abc12345.js">`,
    );
    expect(html).not.toContain('<script type="module" crossorigin');
    // The answer for the app: one element, which nothing in the data can end.
    const json = html.match(/<script type="application\/json" id="dt-first-stats">([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(json).not.toMatch(/<|\u2028/);
    expect(JSON.parse(json)).toEqual({
      filters: { era: 'post2025' },
      stats: { total: 3, note: '</script><script>alert(1)</script>\u2028' },
    });
  });

  it('sends other routes neither shell nor preloads', () => {
    const html = sent('/tasks');
    expect(html).not.toMatch(/shell:start|first-screen|rel="preload"|overview-charts/);
    expect(html).toContain('/assets/index-abc12345.js');
  });
});

describe('the server sends the built app', () => {
  let dir: string;
  let store: SqlStore;
  let site: ReturnType<typeof createSite>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dt-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'index-abc12345.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'tiny-abc12345.js'), 'export {};\n');
    const compressed = await precompressDir(dir);
    expect(compressed.map((f) => f.slice(dir.length))).toEqual(['/assets/index-abc12345.js']);
    const config = parseConfig({
      DATABASE_URL: 'file::memory:',
      SAMPLE_DATA: '0',
      TODAY: '2026-11-26',
      STATIC_DIR: dir,
      PUBLIC_READ: '1',
      ADMIN_PASSWORD: 'một mật khẩu dài của tỉnh',
    });
    store = await openConfiguredStore(config, () => {});
    site = createSite(store, config);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends an asset as brotli, gzip or plain by Accept-Encoding, cached for a year', async () => {
    const path = '/assets/index-abc12345.js';
    const br = await site.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(brBody).toString()).toBe(SCRIPT);

    const gz = await site.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await site.request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('leaves files under 1 kB alone', async () => {
    expect(() => readFileSync(join(dir, 'assets', 'tiny-abc12345.js.br'))).toThrow();
    const tiny = await site.request('/assets/tiny-abc12345.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(tiny.headers.get('content-encoding')).toBeNull();
  });

  it('sends / with the first screen, other routes without, neither cached', async () => {
    const home = await site.request('/');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(await home.text()).toContain('<!--shell:start-->');
    const tasks = await site.request('/tasks');
    expect(tasks.headers.get('cache-control')).toBe('no-cache');
    const text = await tasks.text();
    expect(text).not.toContain('shell:start');
    expect(text).not.toContain('rel="preload"');
  });
});

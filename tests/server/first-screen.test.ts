// @vitest-environment node
/**
 * The overview's first screen drawn by the server (issue 16): GET / carries the figures and the four charts of the
 * first /stats answer, drawn by the app's components at the reader's chart width, and that answer for the app; a
 * reader the API would not answer gets the placeholders; a write shows in the next page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ServerConfig } from '../../server/config';
import { FIRST_SCREEN_BOOT, FIRST_SCREEN_BOOT_PATH } from '../../server/http/first-screen';
import { loadLocalities } from '../../server/localities';
import { createSite, openConfiguredStore } from '../../server/node';
import { sampleData } from '../../server/sample';
import type { SqlStore } from '../../server/store/sql';
import { DEFAULT_CHART_WIDTH } from '../../src/components/charts/chart-width';

const TODAY = '2026-11-26';
const INDEX = readFileSync(join(__dirname, '..', '..', 'index.html'), 'utf8').replace(
  '<script type="module" src="/src/main.tsx"></script>',
  '<script type="module" crossorigin src="/assets/index-abc12345.js"></script>',
);

/**
 * A site on a fresh store with the sample data and this file's index.html, for the describe block it is called in
 * (set up before its tests, closed and removed after). Reads are public or need a session.
 */
function siteFor(publicRead: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'dt-first-screen-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  const config: ServerConfig = parseConfig({
    DATABASE_URL: 'file::memory:',
    SAMPLE_DATA: '1',
    TODAY,
    STATIC_DIR: dir,
    PUBLIC_READ: publicRead ? '1' : '0',
    ADMIN_PASSWORD: 'một mật khẩu dài của tỉnh',
  });
  const handles = {} as { store: SqlStore; site: ReturnType<typeof createSite> };
  beforeAll(async () => {
    handles.store = await openConfiguredStore(config, () => {});
    handles.site = createSite(handles.store, config);
  });
  afterAll(async () => {
    await handles.store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return handles;
}

/** The answer carried by the page, and the widths of its charts' drawings. */
function readPage(html: string) {
  const json = html.match(/<script type="application\/json" id="dt-first-stats">([\s\S]*?)<\/script>/)?.[1];
  const widths = [...html.matchAll(/<svg class="chart-svg[^"]*" width="(\d+)"/g)].map((m) => Number(m[1]));
  const total = html.match(/data-kpi="total"[\s\S]*?<span class="kpi-value"[^>]*>([^<]*)</)?.[1];
  return { data: json ? (JSON.parse(json) as { filters: unknown; stats: { total: number } }) : null, widths, total };
}

describe('GET / with the first screen drawn', () => {
  const fx = siteFor(true);

  it('draws the figures and the charts of the API’s answer, and gives the page that answer', async () => {
    const answer = await (await fx.site.request('/api/v1/stats?era=post2025')).json();
    const html = await (await fx.site.request('/')).text();
    const page = readPage(html);
    expect(page.data).toEqual({ filters: { era: 'post2025' }, stats: answer });
    expect(page.total).toBe(String(answer.total));
    expect(page.widths).toEqual([DEFAULT_CHART_WIDTH, DEFAULT_CHART_WIDTH, DEFAULT_CHART_WIDTH, DEFAULT_CHART_WIDTH]);
    // In Vietnamese, with the day of the figures, the boards waiting for the app; no placeholders left.
    expect(html).toContain('tính đến ngày 26/11/2026.');
    expect(html).toContain('Theo tỉnh, thành phố');
    expect(html).toContain('Vĩnh Long');
    expect(html).toMatch(/<pattern id=/);
    expect(html).not.toMatch(/<!--\/?shell:(intro|figures|charts)-->|chart-placeholder|rel="(module)?preload"|<table/);
    expect(html).toContain(`src="${FIRST_SCREEN_BOOT_PATH}" data-entry="/assets/index-abc12345.js"`);
    expect(html.indexOf('<div class="app" inert>')).toBeGreaterThan(0);
  });

  it('draws at the width the reader’s charts had (the cookie), within bounds', async () => {
    const at = async (cookie: string) =>
      readPage(await (await fx.site.request('/', { headers: { cookie } })).text()).widths;
    expect(await at('dt-chart-width=412')).toEqual([412, 412, 412, 412]);
    for (const bad of ['dt-chart-width=12', 'dt-chart-width=abc', 'dt-chart-width=99999', 'dt-chart-width=500.5']) {
      expect(await at(bad)).toEqual([
        DEFAULT_CHART_WIDTH,
        DEFAULT_CHART_WIDTH,
        DEFAULT_CHART_WIDTH,
        DEFAULT_CHART_WIDTH,
      ]);
    }
  });

  it('shows a write in the next page (the drawing is kept per data version)', async () => {
    const before = readPage(await (await fx.site.request('/')).text());
    const { articles, tasks } = sampleData(loadLocalities(), 'sample', TODAY);
    const article = { ...(articles[0] as (typeof articles)[number]), id: 'a-first-screen' };
    const task = { ...(tasks[0] as (typeof tasks)[number]), id: 't-first-screen', articleId: article.id };
    await fx.store.addArticle(article, [task]);
    const after = readPage(await (await fx.site.request('/')).text());
    expect(after.data?.stats.total).toBe((before.data?.stats.total ?? 0) + 1);
    expect(after.total).toBe(String(after.data?.stats.total));
  });

  it('serves the script that starts the app after the first paint', async () => {
    const res = await fx.site.request(FIRST_SCREEN_BOOT_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toBe(FIRST_SCREEN_BOOT);
  });
});

describe('GET / for a reader who must sign in first', () => {
  const fx = siteFor(false);

  it('draws nothing from data the API would not give them', async () => {
    const none = await (await fx.site.request('/')).text();
    expect(none).not.toMatch(/shell:start|dt-first-stats|chart-svg/);
    // A session cookie that is no longer valid: the shell with placeholders, no figures, the app asks itself.
    const stale = await (await fx.site.request('/', { headers: { cookie: 'dt_session=stale' } })).text();
    expect(stale).not.toMatch(/dt-first-stats|chart-svg/);
    expect(stale).toContain('chart-placeholder');
    expect(stale).toContain('<script type="module" crossorigin src="/assets/index-abc12345.js">');
  });
});

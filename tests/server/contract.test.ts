// @vitest-environment node
/**
 * The HTTP contract, as a client sees it, on every store: the same requests must get the same answers from the
 * memory store (the demo), SQLite (the default server) and PostgreSQL (scale). Every endpoint and every error:
 * answers parsed by the contract's schemas, the cross-era locality filter, folded search, validation as
 * problem+json, If-Match (428/412), duplicates (409), conditional reads (304), and one winner among concurrent
 * writers of a version.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadLocalities } from '../../server/localities';
import { ArticleLookupResult } from '../../src/api/article-import-schemas';
import { CompareResult } from '../../src/api/compare-schemas';
import { Facets } from '../../src/api/facets-schemas';
import { Health } from '../../src/api/health-schemas';
import { Article, ArticlePage, LocalityList, ProblemDetails, Stats, Task, TaskPage } from '../../src/api/schemas';
import { RecentUpdatePage, TaskChangeResult, TaskUpdateList } from '../../src/api/task-update-schemas';
import { type Harness, makeTask, openHarness, STORE_KINDS, TEST_TODAY } from './harness';

const json = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({
  method,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe.each(STORE_KINDS)('the API on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  async function get(path: string, init?: RequestInit) {
    const response = await h.request(path, init);
    const text = await response.text();
    return { response, body: (text ? JSON.parse(text) : null) as unknown };
  }
  async function tasks(query: string) {
    const { response, body } = await get(`/tasks?${query}`);
    expect(response.status).toBe(200);
    return TaskPage.parse(body);
  }
  async function problemOf(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    return ProblemDetails.parse(await response.json());
  }

  describe('GET /tasks', () => {
    it('pages through every task with a stable order and a total', async () => {
      const first = await tasks('pageSize=5&page=1');
      const second = await tasks('pageSize=5&page=2');
      expect(first.total).toBeGreaterThanOrEqual(13);
      expect(first.items).toHaveLength(5);
      expect(second.page).toBe(2);
      expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(10);
    });

    it('finds the Đình Khao bridge with folded search, in NFC or NFD, with or without accents', async () => {
      for (const q of ['cau dinh khao', 'CẦU ĐÌNH KHAO', 'cầu Đình Khao'.normalize('NFD')]) {
        const page = await tasks(`q=${encodeURIComponent(q)}`);
        expect(page.total).toBeGreaterThanOrEqual(1);
        expect(page.items.map((t) => `${t.title} ${t.quote?.text ?? ''}`).join(' | ')).toMatch(/Đình Khao/);
      }
      expect((await tasks(`q=${encodeURIComponent('khong co cau nao nhu vay')}`)).total).toBe(0);
    });

    it('keeps the seed tasks of huyện Chợ Lách (832, 2022) under today’s Vĩnh Long (86) and under Bến Tre (83)', async () => {
      const seed = await tasks('articleId=a-000&pageSize=100');
      expect(seed.total).toBeGreaterThanOrEqual(13);
      for (const locality of ['86', '83', '832']) {
        expect((await tasks(`locality=${locality}&articleId=a-000&pageSize=100`)).total).toBe(seed.total);
      }
      expect((await tasks('locality=01&articleId=a-000')).total).toBe(0);
    });

    it('finds under huyện Chợ Lách (832) a task filed after the reform under its successor xã Phú Phụng, not its neighbour', async () => {
      await h.addTasks([
        makeTask({ id: 'x-phu-phung', localityCodes: ['28879'], createdAt: '2025-10-01T08:00:00+07:00' }),
        makeTask({ id: 'x-dong-khoi', localityCodes: ['28945'], createdAt: '2025-10-01T08:00:00+07:00' }),
        makeTask({ id: 'x-ben-tre', localityCodes: ['83'], createdAt: '2023-01-01T08:00:00+07:00' }),
      ]);
      const inDistrict = (await tasks('locality=832&pageSize=200')).items.map((t) => t.id);
      expect(inDistrict).toContain('x-phu-phung');
      expect(inDistrict).not.toContain('x-dong-khoi');
      // A province-wide task of Bến Tre is not a task of huyện Chợ Lách, but is one of Bến Tre.
      expect(inDistrict).not.toContain('x-ben-tre');
      expect((await tasks('locality=83&pageSize=200')).items.map((t) => t.id)).toContain('x-ben-tre');
    });

    it('filters by repeated status and timeliness, derived at the date of evaluation', async () => {
      await h.addTasks([
        makeTask({ id: 'x-late', status: 'in_progress', deadline: { date: '2026-01-31', text: 'tháng 1/2026' } }),
        makeTask({ id: 'x-soon', status: 'not_started', deadline: { date: '2026-11-30', text: 'trước 30/11/2026' } }),
        makeTask({
          id: 'x-ok',
          status: 'done',
          deadline: { date: '2026-06-30', text: 'quý II/2026' },
          completedAt: '2026-06-30',
          progress: 100,
        }),
      ]);
      const overdue = await tasks('timeliness=overdue&pageSize=200');
      expect(overdue.items.map((t) => t.id)).toContain('x-late');
      expect(overdue.items.every((t) => t.timeliness === 'overdue')).toBe(true);
      const mixed = await tasks('timeliness=due_soon&timeliness=done_on_time&pageSize=200');
      const byId = new Map(mixed.items.map((t) => [t.id, t.timeliness]));
      expect(byId.get('x-soon')).toBe('due_soon');
      expect(byId.get('x-ok')).toBe('done_on_time');
      const statuses = await tasks('status=done&status=cancelled&pageSize=200');
      expect(statuses.items.every((t) => t.status === 'done' || t.status === 'cancelled')).toBe(true);
    });

    it('filters by category, issuer, assignee (whatever their accents) and deadline period', async () => {
      await h.addTasks([
        makeTask({
          id: 'x-road',
          category: 'infrastructure',
          assignee: 'Sở Xây dựng',
          issuer: 'UBND tỉnh Đồng Tháp',
          deadline: { date: '2027-03-31', text: 'quý I/2027' },
        }),
      ]);
      const query = `category=infrastructure&assignee=${encodeURIComponent('Sở Xây dựng'.normalize('NFD'))}&issuer=${encodeURIComponent('UBND tỉnh Đồng Tháp')}&deadlineFrom=2027-01-01&deadlineTo=2027-03-31`;
      expect((await tasks(query)).items.map((t) => t.id)).toEqual(['x-road']);
    });

    it('sorts by deadline with tasks without one last, by title in Vietnamese order, and pages stably', async () => {
      const dates = (await tasks('sort=deadline&pageSize=200')).items.map((t) => t.deadline?.date ?? '9999');
      expect(dates).toEqual([...dates].sort());
      const desc = (await tasks('sort=-deadline&pageSize=200')).items.map((t) => t.deadline?.date ?? '');
      const withDeadline = desc.filter((d) => d !== '');
      expect(withDeadline).toEqual([...withDeadline].sort().reverse());
      expect(desc.slice(withDeadline.length).every((d) => d === '')).toBe(true);
      const titles = (await tasks('sort=title&pageSize=200')).items.map((t) => t.title);
      const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
      expect(titles).toEqual([...titles].sort((a, b) => collator.compare(a, b)));
      const all = (await tasks('sort=-progress&pageSize=200')).items.map((t) => t.id);
      const paged = [
        ...(await tasks('sort=-progress&pageSize=7&page=1')).items,
        ...(await tasks('sort=-progress&pageSize=7&page=2')).items,
      ].map((t) => t.id);
      expect(paged).toEqual(all.slice(0, 14));
    });

    it.each([
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      ['status=finished', 'status'],
      ['timeliness=late', 'timeliness'],
      ['sort=colour', 'sort'],
      ['deadlineFrom=2022-02-30', 'deadlineFrom'],
      ['category=sports', 'category'],
      ['locality=99999', 'locality'],
      ['locality=abc', 'locality'],
      ['flagship=yes', 'flagship'],
    ])('answers %s with a 400 problem naming %s', async (query, name) => {
      const problem = await problemOf(await h.request(`/tasks?${query}`), 400);
      expect(problem.errors?.map((e) => e.name)).toContain(name);
    });
  });

  describe('GET /tasks/:id and the articles', () => {
    it('returns a task whose quote is the exact span of its article body', async () => {
      const bridge = (await tasks('articleId=a-000&pageSize=100')).items.find((t) => t.title.includes('Đình Khao'));
      expect(bridge).toBeDefined();
      const { response, body } = await get(`/tasks/${bridge?.id}`);
      const task = Task.parse(body);
      expect(response.headers.get('etag')).toBe(`"${task.version}"`);
      const article = Article.parse((await get('/articles/a-000')).body);
      expect(article.body.slice(task.quote?.start, task.quote?.end)).toBe(task.quote?.text);
      expect(article.taskIds).toContain(task.id);
      expect(task.flagship).toBe(true);
    });

    it('answers unknown ids and unknown endpoints with a 404 problem', async () => {
      for (const path of ['/tasks/nope', '/articles/nope', '/tasks/nope/updates', '/no-such-endpoint']) {
        expect((await problemOf(await h.request(path), 404)).status).toBe(404);
      }
    });

    it('lists the articles with a task matching the task filters, across the 2025 reform', async () => {
      const inVinhLong = ArticlePage.parse((await get('/articles?locality=86&pageSize=100')).body);
      expect(inVinhLong.items.map((a) => a.id)).toContain('a-000');
      const inQuangNinh = ArticlePage.parse((await get('/articles?locality=22&pageSize=100')).body);
      expect(inQuangNinh.items.map((a) => a.id)).not.toContain('a-000');
      expect(inQuangNinh.total).toBeGreaterThan(0);
      const bridge = ArticlePage.parse((await get(`/articles?q=${encodeURIComponent('cau dinh khao')}`)).body);
      expect(bridge.items.map((a) => a.id)).toEqual(['a-000']);
      expect((await h.request('/articles?locality=99999')).status).toBe(400);
    });

    it('lists articles newest first, the seed and the illustrative samples marked', async () => {
      const page = ArticlePage.parse((await get('/articles?pageSize=100')).body);
      expect(page.total).toBeGreaterThanOrEqual(11);
      const dates = page.items.map((a) => a.date);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(page.items.find((a) => a.id === 'a-000')?.illustrative).toBe(false);
      expect(page.items.filter((a) => a.illustrative).length).toBeGreaterThanOrEqual(10);
    });
  });

  describe('GET /localities', () => {
    it('lists the provinces of each era, the children of a unit, a folded search and given codes', async () => {
      expect(LocalityList.parse((await get('/localities?era=post2025')).body).items).toHaveLength(34);
      expect(LocalityList.parse((await get('/localities?era=pre2025')).body).items).toHaveLength(63);
      const choLach = LocalityList.parse((await get('/localities?era=pre2025&parent=832')).body);
      expect(choLach.items).toHaveLength(11);
      const found = LocalityList.parse((await get('/localities?era=pre2025&q=cho%20lach')).body);
      expect(found.items.map((l) => l.name)).toContain('Huyện Chợ Lách');
      const byCode = LocalityList.parse((await get('/localities?era=pre2025&code=832&code=83')).body);
      expect(byCode.items.map((l) => l.code)).toEqual(['832', '83']);
    });

    it('answers an unknown parent with 404 and a bad era with 400', async () => {
      await problemOf(await h.request('/localities?parent=99999&era=post2025'), 404);
      await problemOf(await h.request('/localities?era=2030'), 400);
    });
  });

  describe('GET /stats, /stats/compare, /facets, /updates', () => {
    it('counts by timeliness consistently with /tasks, at the date of evaluation', async () => {
      const stats = Stats.parse((await get('/stats')).body);
      expect(stats.asOf).toBe(TEST_TODAY);
      expect(stats.total).toBe((await tasks('pageSize=1')).total);
      expect(Object.values(stats.byTimeliness).reduce((a, b) => a + b, 0)).toBe(stats.total);
      expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(stats.total);
      for (const [timeliness, count] of Object.entries(stats.byTimeliness)) {
        expect((await tasks(`timeliness=${timeliness}&pageSize=1`)).total).toBe(count);
      }
      expect(stats.byCategory.reduce((s, c) => s + c.total, 0)).toBe(stats.total);
    });

    it('breaks Bến Tre (pre-2025) into its districts, Chợ Lách holding the seed', async () => {
      const stats = Stats.parse((await get('/stats?locality=83&era=pre2025')).body);
      expect(stats.byLocality.parent?.code).toBe('83');
      const choLach = stats.byLocality.items.find((b) => b.code === '832');
      expect(choLach?.name).toBe('Chợ Lách');
      expect(choLach?.total).toBeGreaterThanOrEqual(13);
    });

    it('puts the 2022 Chợ Lách tasks under today’s Vĩnh Long in the provinces view', async () => {
      const stats = Stats.parse((await get('/stats?articleId=a-000')).body);
      expect(stats.byLocality.parent).toBeNull();
      expect(stats.byLocality.items).toEqual([expect.objectContaining({ code: '86', total: stats.total })]);
    });

    it('has a monthly series of assigned vs completed that adds up, and the most overdue first', async () => {
      const stats = Stats.parse((await get('/stats')).body);
      expect(stats.monthly.reduce((s, m) => s + m.assigned, 0)).toBe(stats.total);
      expect(stats.monthly.reduce((s, m) => s + m.completed, 0)).toBeLessThanOrEqual(stats.byStatus.done);
      expect(stats.monthly.find((m) => m.month === '2022-03')?.assigned).toBeGreaterThanOrEqual(13);
      expect(stats.mostOverdue.length).toBeGreaterThan(0);
      expect(stats.mostOverdue.every((t) => t.timeliness === 'overdue')).toBe(true);
      const deadlines = stats.mostOverdue.map((t) => t.deadline?.date ?? '');
      expect(deadlines).toEqual([...deadlines].sort());
    });

    it('rejects bad filters on every aggregate like /tasks does', async () => {
      for (const path of ['/stats', '/stats/compare', '/facets', '/updates']) {
        const problem = await problemOf(await h.request(`${path}?timeliness=soon`), 400);
        expect(problem.errors?.[0]?.name).toBe('timeliness');
        await problemOf(await h.request(`${path}?locality=99999`), 400);
      }
    });

    it('compares every district of Bến Tre, Chợ Lách with the seed', async () => {
      const result = CompareResult.parse((await get('/stats/compare?locality=83&era=pre2025')).body);
      expect(result.parent?.code).toBe('83');
      expect(result.items.length).toBeGreaterThanOrEqual(9);
      const choLach = result.items.find((i) => i.code === '832');
      expect(choLach?.total).toBeGreaterThanOrEqual(13);
      expect(choLach?.hasChildren).toBe(true);
    });

    it('lists issuers and assignees with counts, each ignoring its own filter', async () => {
      const all = Facets.parse((await get('/facets')).body);
      expect(all.issuer.length).toBeGreaterThan(1);
      const one = all.issuer[0]?.value ?? '';
      const filtered = Facets.parse((await get(`/facets?issuer=${encodeURIComponent(one)}`)).body);
      expect(filtered.issuer).toEqual(all.issuer);
      expect(filtered.assignee.reduce((s, a) => s + a.count, 0)).toBeLessThanOrEqual(
        all.assignee.reduce((s, a) => s + a.count, 0),
      );
    });

    it('lists the latest updates, newest recorded first, for the filtered tasks', async () => {
      const page = RecentUpdatePage.parse((await get('/updates?pageSize=5')).body);
      expect(page.items.length).toBeGreaterThan(0);
      const times = page.items.map((u) => u.recordedAt);
      expect(times).toEqual([...times].sort().reverse());
      const seed = RecentUpdatePage.parse((await get('/updates?articleId=a-000&pageSize=100')).body);
      const seedTasks = new Set((await tasks('articleId=a-000&pageSize=100')).items.map((t) => t.id));
      expect(seed.items.every((u) => seedTasks.has(u.taskId))).toBe(true);
    });
  });

  describe('writes', () => {
    const date = TEST_TODAY;
    async function fresh(id: string) {
      await h.addTasks([makeTask({ id, deadline: { date: '2027-06-30', text: 'quý II/2027' } })]);
      return Task.parse((await get(`/tasks/${id}`)).body);
    }

    it('records a progress update: 201, the new version as ETag, in the history and the recent updates', async () => {
      const task = await fresh('w-update');
      const response = await h.request(
        `/tasks/${task.id}/updates`,
        json(
          { status: 'in_progress', progress: 60, note: 'Đã đổ xong mố cầu', date, author: 'Tổ công tác' },
          { 'If-Match': `"${task.version}"` },
        ),
      );
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe(`"${task.version + 1}"`);
      const result = TaskChangeResult.parse(await response.json());
      expect(result.task.progress).toBe(60);
      expect(result.update.note).toBe('Đã đổ xong mố cầu');
      const history = TaskUpdateList.parse((await get(`/tasks/${task.id}/updates`)).body);
      expect(history.items.at(-1)?.version).toBe(task.version + 1);
      const recent = RecentUpdatePage.parse((await get('/updates?pageSize=100')).body);
      expect(recent.items.map((u) => u.id)).toContain(result.update.id);
      const reread = Task.parse((await get(`/tasks/${task.id}`)).body);
      expect(reread.progress).toBe(60);
      expect(reread.version).toBe(task.version + 1);
    });

    it('patches fields with 200, and refuses without If-Match (428), a stale version (412) and bad fields (400)', async () => {
      const task = await fresh('w-patch');
      const patch = { assignee: 'Sở Giao thông vận tải', date, author: 'Văn phòng' };
      await problemOf(await h.request(`/tasks/${task.id}`, json(patch, {}, 'PATCH')), 428);
      await problemOf(await h.request(`/tasks/${task.id}`, json(patch, { 'If-Match': 'soon' }, 'PATCH')), 428);
      await problemOf(await h.request(`/tasks/${task.id}`, json(patch, { 'If-Match': '"99"' }, 'PATCH')), 412);
      const bad = await problemOf(
        await h.request(`/tasks/${task.id}`, {
          ...json({ ...patch, progress: 150, date: '2030-01-01' }, { 'If-Match': `"${task.version}"` }),
          method: 'PATCH',
        }),
        400,
      );
      expect(bad.errors?.map((e) => e.name)).toEqual(expect.arrayContaining(['progress', 'date']));
      const malformed = await h.request(`/tasks/${task.id}`, {
        method: 'PATCH',
        body: '{not json',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${task.version}"` },
      });
      await problemOf(malformed, 400);
      const ok = await h.request(`/tasks/${task.id}`, {
        ...json(patch, { 'If-Match': `"${task.version}"` }),
        method: 'PATCH',
      });
      expect(ok.status).toBe(200);
      expect(TaskChangeResult.parse(await ok.json()).task.assignee).toBe('Sở Giao thông vận tải');
      // The same version again is stale now.
      await problemOf(
        await h.request(`/tasks/${task.id}`, json(patch, { 'If-Match': `"${task.version}"` }, 'PATCH')),
        412,
      );
      await problemOf(await h.request('/tasks/nope', json(patch, { 'If-Match': '"1"' }, 'PATCH')), 404);
    });

    it('lets exactly one of 100 concurrent writers of one version win; the winner is in the history', async () => {
      const task = await fresh('w-race');
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          h.request(
            `/tasks/${task.id}/updates`,
            json(
              { status: 'in_progress', progress: 20, note: `Người ghi số ${i}`, date, author: `Cán bộ ${i}` },
              { 'If-Match': `"${task.version}"` },
            ),
          ),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(99);
      const winner = TaskChangeResult.parse(await responses[statuses.indexOf(201)]?.json());
      const history = TaskUpdateList.parse((await get(`/tasks/${task.id}/updates`)).body);
      expect(history.items.map((u) => u.note)).toEqual([winner.update.note]);
      expect(Task.parse((await get(`/tasks/${task.id}`)).body).version).toBe(task.version + 1);
    });
  });

  describe('POST /articles and GET /article-lookup', () => {
    const body = 'Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng hoàn thành sửa chữa cầu Bến Tre 2 trước ngày 30/6/2027.';
    const article = {
      title: 'Kiểm tra tiến độ sửa chữa cầu',
      publisher: 'Báo thử nghiệm',
      date: '2026-11-20',
      url: 'https://example.vn/tin/kiem-tra-cau-123.html',
      body,
      directives: [
        {
          title: 'Sửa chữa cầu Bến Tre 2',
          quote: { start: 0, end: body.length, text: body },
          issuer: 'Chủ tịch UBND tỉnh',
          assignee: 'Sở Xây dựng',
          localityCodes: ['86'],
          category: 'infrastructure',
          flagship: false,
          deadline: { date: '2027-06-30', text: 'trước ngày 30/6/2027' },
        },
      ],
    };

    it('creates the article and its tasks (201, Location), refuses a duplicate (409) and bad fields (400)', async () => {
      const created = await h.request('/articles', json(article));
      expect(created.status).toBe(201);
      const stored = Article.parse(await created.json());
      expect(created.headers.get('location')).toBe(`/api/v1/articles/${stored.id}`);
      expect(stored.taskIds).toHaveLength(1);
      const task = Task.parse((await get(`/tasks/${stored.taskIds[0]}`)).body);
      expect(task).toMatchObject({ status: 'not_started', progress: 0, version: 1, articleId: stored.id });
      expect((await tasks(`articleId=${stored.id}&locality=83`)).total).toBe(0);

      const again = await problemOf(await h.request('/articles', json({ ...article, title: 'Khác' })), 409);
      expect(again).toMatchObject({ existingArticleId: stored.id, matchedBy: 'url' });
      const sameText = await problemOf(
        await h.request('/articles', json({ ...article, url: 'https://other.vn/x.html' })),
        409,
      );
      expect(sameText).toMatchObject({ existingArticleId: stored.id, matchedBy: 'content' });

      const lookup = ArticleLookupResult.parse(
        (await get(`/article-lookup?url=${encodeURIComponent(`${article.url}?utm_source=x`)}`)).body,
      );
      expect(lookup.match?.articleId).toBe(stored.id);

      const bad = await problemOf(
        await h.request('/articles', json({ ...article, url: 'javascript:alert(1)', date: 'yesterday' })),
        400,
      );
      expect(bad.errors?.map((e) => e.name)).toEqual(expect.arrayContaining(['date']));
    });
  });

  describe('the document, health and conditional reads', () => {
    it('serves the committed OpenAPI document, and routes every operation it lists', async () => {
      const committed = JSON.parse(readFileSync('src/api/openapi.json', 'utf8')) as {
        paths: Record<string, Record<string, unknown>>;
      };
      expect((await get('/openapi.json')).body).toEqual(committed);
      for (const [path, operations] of Object.entries(committed.paths)) {
        for (const method of Object.keys(operations)) {
          const concrete = path.replace('{id}', 'nope');
          // A session of its own each: DELETE /session ends it, not the harness's.
          const headers = { Cookie: await h.cookieFor('admin') };
          const response = await h.request(concrete, { method: method.toUpperCase(), headers });
          const answer = response.status === 404 ? ((await response.json()) as { title: string }).title : '';
          if (response.status !== 404) await response.body?.cancel(); // GET /events streams
          // Routed: anything but the "no such endpoint" 404.
          expect(answer, `${method.toUpperCase()} ${path}`).not.toBe('Not found');
        }
      }
      // And the other way: every route the app serves is in the document (middleware is `ALL …/*`).
      const app = createApp({ store: h.store, localities: loadLocalities(), today: () => TEST_TODAY, version: 'test' });
      const served = app.routes
        .filter((r) => !(r.method === 'ALL' && r.path.endsWith('*')) && !['HEAD', 'OPTIONS'].includes(r.method))
        .filter((r) => r.path !== '/api/v1/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}')}`);
      const documented = Object.entries(committed.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    });

    it('reports health with the database in use', async () => {
      const health = Health.parse((await get('/health')).body);
      expect(health.database).toBe(kind);
    });

    it('answers an unchanged read with 304 and a changed one with new data', async () => {
      const first = await h.request('/stats?category=economy');
      const tag = first.headers.get('etag');
      expect(tag).toBeTruthy();
      const again = await h.request('/stats?category=economy', { headers: { 'If-None-Match': tag ?? '' } });
      expect(again.status).toBe(304);
      await h.addTasks([makeTask({ id: 'x-etag', category: 'economy' })]);
      const task = Task.parse((await get('/tasks/x-etag')).body);
      await h.request(`/tasks/${task.id}`, {
        ...json({ progress: 30, date: TEST_TODAY, author: 'A' }, { 'If-Match': '"1"' }),
        method: 'PATCH',
      });
      const changed = await h.request('/stats?category=economy', { headers: { 'If-None-Match': tag ?? '' } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(tag);
    });
  });
});

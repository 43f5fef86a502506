/**
 * The mock API as a client sees it: every answer parsed by the contract's schemas, queries exactly as named in
 * the contract, the cross-era locality filter, folded search, validation and 404s as problem+json.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../../mocks/node';
import { Article, ArticlePage, LocalityList, ProblemDetails, Stats, Task, TaskPage } from '../../src/api/schemas';
import { addTask, apiUrl } from '../helpers';

async function get(path: string) {
  const response = await fetch(apiUrl(path));
  return { response, body: (await response.json()) as unknown };
}

async function tasks(query: string) {
  const { response, body } = await get(`/tasks?${query}`);
  expect(response.status).toBe(200);
  return TaskPage.parse(body);
}

describe('GET /tasks', () => {
  it('pages through every task with a stable order and a total', async () => {
    const first = await tasks('pageSize=5&page=1');
    const second = await tasks('pageSize=5&page=2');
    expect(first.total).toBeGreaterThanOrEqual(13);
    expect(first.items).toHaveLength(5);
    expect(second.page).toBe(2);
    const ids = new Set([...first.items, ...second.items].map((t) => t.id));
    expect(ids.size).toBe(10);
  });

  it('finds the Đình Khao bridge with folded search, in NFC or NFD, with or without accents', async () => {
    for (const q of ['cau dinh khao', 'CẦU ĐÌNH KHAO', 'cầu Đình Khao'.normalize('NFD')]) {
      const page = await tasks(`q=${encodeURIComponent(q)}`);
      expect(page.items.map((t) => t.title).join(' | ')).toMatch(/Đình Khao/);
      expect(
        page.items.every(
          (t) =>
            /dinh khao/i.test(
              t.title
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
                .replace(/[đĐ]/g, 'd'),
            ) || t.quote?.text.includes('Đình Khao'),
        ),
      ).toBe(true);
    }
  });

  it('keeps the seed tasks of huyện Chợ Lách (832, 2022) when filtering by today’s Vĩnh Long (86) or by Bến Tre (83)', async () => {
    const seed = await tasks('articleId=a-000&pageSize=100');
    expect(seed.total).toBeGreaterThanOrEqual(13);
    for (const locality of ['86', '83', '832']) {
      const page = await tasks(`locality=${locality}&articleId=a-000&pageSize=100`);
      expect(page.total).toBe(seed.total);
    }
    const elsewhere = await tasks('locality=01&articleId=a-000');
    expect(elsewhere.total).toBe(0);
  });

  it('finds, under huyện Chợ Lách (832), a task filed after the reform under its successor xã Phú Phụng (28879)', async () => {
    addTask({ id: 'x-phu-phung', localityCodes: ['28879'], createdAt: '2025-10-01T08:00:00+07:00' });
    addTask({ id: 'x-dong-khoi', localityCodes: ['28945'], createdAt: '2025-10-01T08:00:00+07:00' });
    const page = await tasks('locality=832&pageSize=200');
    const ids = page.items.map((t) => t.id);
    expect(ids).toContain('x-phu-phung');
    expect(ids).not.toContain('x-dong-khoi');
  });

  it('does not count a province-wide task of Bến Tre as a task of huyện Chợ Lách', async () => {
    addTask({ id: 'x-ben-tre', localityCodes: ['83'], createdAt: '2023-01-01T08:00:00+07:00' });
    const inDistrict = await tasks('locality=832&pageSize=200');
    const inProvince = await tasks('locality=83&pageSize=200');
    expect(inDistrict.items.map((t) => t.id)).not.toContain('x-ben-tre');
    expect(inProvince.items.map((t) => t.id)).toContain('x-ben-tre');
  });

  it('filters by repeated status and timeliness, and derives timeliness at the date of evaluation', async () => {
    addTask({ id: 'x-late', status: 'in_progress', deadline: { date: '2026-01-31', text: 'tháng 1/2026' } });
    addTask({ id: 'x-soon', status: 'not_started', deadline: { date: '2026-11-30', text: 'trước 30/11/2026' } });
    addTask({
      id: 'x-ok',
      status: 'done',
      deadline: { date: '2026-06-30', text: 'quý II/2026' },
      completedAt: '2026-06-30',
      progress: 100,
    });
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

  it('filters by category, issuer, assignee and deadline period', async () => {
    addTask({
      id: 'x-road',
      category: 'infrastructure',
      assignee: 'Sở Xây dựng',
      issuer: 'UBND tỉnh Đồng Tháp',
      deadline: { date: '2027-03-31', text: 'quý I/2027' },
    });
    const page = await tasks(
      `category=infrastructure&assignee=${encodeURIComponent('Sở Xây dựng')}&issuer=${encodeURIComponent('UBND tỉnh Đồng Tháp')}&deadlineFrom=2027-01-01&deadlineTo=2027-03-31`,
    );
    expect(page.items.map((t) => t.id)).toEqual(['x-road']);
  });

  it('sorts by deadline, tasks without deadline last, and by title in Vietnamese order', async () => {
    const page = await tasks('sort=deadline&pageSize=200');
    const dates = page.items.map((t) => t.deadline?.date ?? '9999');
    expect(dates).toEqual([...dates].sort());
    const titles = (await tasks('sort=title&pageSize=200')).items.map((t) => t.title);
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    expect(titles).toEqual([...titles].sort((a, b) => collator.compare(a, b)));
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
  ])('answers %s with a 400 problem naming %s', async (query, name) => {
    const { response, body } = await get(`/tasks?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = ProblemDetails.parse(body);
    expect(problem.errors?.map((e) => e.name)).toContain(name);
  });
});

describe('GET /tasks/:id and /articles', () => {
  it('returns a task whose quote is the exact span of its article body', async () => {
    const page = await tasks('articleId=a-000&pageSize=100');
    const bridge = page.items.find((t) => t.title.includes('Đình Khao'));
    expect(bridge).toBeDefined();
    const task = Task.parse((await get(`/tasks/${bridge?.id}`)).body);
    const article = Article.parse((await get('/articles/a-000')).body);
    expect(task.quote).not.toBeNull();
    expect(article.body.slice(task.quote?.start, task.quote?.end)).toBe(task.quote?.text);
    expect(article.taskIds).toContain(task.id);
    expect(task.flagship).toBe(true);
  });

  it('answers unknown ids with a 404 problem', async () => {
    for (const path of ['/tasks/nope', '/articles/nope']) {
      const { response, body } = await get(path);
      expect(response.status).toBe(404);
      expect(ProblemDetails.parse(body).status).toBe(404);
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
    expect((await get('/articles?locality=99999')).response.status).toBe(400);
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
  it('lists provinces of each era and the children of a unit', async () => {
    const post = LocalityList.parse((await get('/localities?era=post2025')).body);
    const pre = LocalityList.parse((await get('/localities?era=pre2025')).body);
    expect(post.items).toHaveLength(34);
    expect(pre.items).toHaveLength(63);
    const choLach = LocalityList.parse((await get('/localities?era=pre2025&parent=832')).body);
    expect(choLach.items).toHaveLength(11);
    expect(choLach.items.map((l) => l.code)).toContain('28870');
  });

  it('searches with folded Vietnamese', async () => {
    const found = LocalityList.parse((await get('/localities?era=pre2025&q=cho%20lach')).body);
    expect(found.items.map((l) => l.name)).toContain('Huyện Chợ Lách');
  });

  it('answers an unknown parent with 404 and a bad era with 400', async () => {
    expect((await get('/localities?parent=99999&era=post2025')).response.status).toBe(404);
    expect((await get('/localities?era=2030')).response.status).toBe(400);
  });
});

describe('GET /stats', () => {
  it('counts by timeliness consistently with /tasks, at the date of evaluation', async () => {
    const stats = Stats.parse((await get('/stats')).body);
    expect(stats.asOf).toBe(TEST_TODAY);
    const all = await tasks('pageSize=1');
    expect(stats.total).toBe(all.total);
    const sum = Object.values(stats.byTimeliness).reduce((a, b) => a + b, 0);
    expect(sum).toBe(stats.total);
    for (const [timeliness, count] of Object.entries(stats.byTimeliness)) {
      expect((await tasks(`timeliness=${timeliness}&pageSize=1`)).total).toBe(count);
    }
  });

  it('breaks a filtered unit down into its children: Bến Tre (pre-2025) into districts, with Chợ Lách holding the seed', async () => {
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

  it('has a monthly series of assigned vs completed that adds up', async () => {
    const stats = Stats.parse((await get('/stats')).body);
    const assigned = stats.monthly.reduce((s, m) => s + m.assigned, 0);
    const completed = stats.monthly.reduce((s, m) => s + m.completed, 0);
    expect(assigned).toBe(stats.total);
    expect(completed).toBe(stats.byStatus.done);
    expect(stats.monthly.find((m) => m.month === '2022-03')?.assigned).toBeGreaterThanOrEqual(13);
  });

  it('lists the most overdue open tasks, most overdue first', async () => {
    const stats = Stats.parse((await get('/stats')).body);
    expect(stats.mostOverdue.length).toBeGreaterThan(0);
    expect(stats.mostOverdue.every((t) => t.timeliness === 'overdue')).toBe(true);
    const deadlines = stats.mostOverdue.map((t) => t.deadline?.date ?? '');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('rejects bad filters like /tasks does', async () => {
    const { response, body } = await get('/stats?timeliness=soon');
    expect(response.status).toBe(400);
    expect(ProblemDetails.parse(body).errors?.[0]?.name).toBe('timeliness');
  });
});

describe('GET /openapi.json', () => {
  it('serves the OpenAPI 3.1 document generated from the schemas', async () => {
    const { body } = await get('/openapi.json');
    const doc = body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/tasks', '/tasks/{id}', '/articles', '/articles/{id}', '/localities', '/stats']),
    );
  });
});

// @vitest-environment node
/**
 * Issue #11 on the server, on every store: a write retried with its Idempotency-Key is answered with its first
 * answer and never applied twice (also when the retry races the first attempt); the same key for another request
 * is refused; a store that cannot write answers 503 and applies nothing; every text enters in NFC; query integers
 * are digits only; article URLs are http(s) only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/store/types';
import { ArticleSummary } from '../../src/api/schemas';
import { type Harness, openHarness, STORE_KINDS, TEST_TODAY } from './harness';

const TASK = 't-000-05';

describe.each(STORE_KINDS)('reliability on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const version = async (id = TASK) => (await h.store.getTask(id))?.version ?? 0;
  const post = (v: number, body: Record<string, unknown>, key?: string) =>
    h.request(`/tasks/${TASK}/updates`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${v}"`,
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify({ status: 'in_progress', progress: 41, date: TEST_TODAY, author: 'A', ...body }),
    });

  it('answers a retried write with its first answer and applies it once', async () => {
    const v = await version();
    const key = `retry-${kind}-1`;
    const first = await post(v, { note: 'Một lần' }, key);
    expect(first.status).toBe(201);
    const again = await post(v, { note: 'Một lần' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await version()).toBe(v + 1);
    const history = (await h.store.listTaskUpdates(TASK)).filter((u) => u.note === 'Một lần');
    expect(history).toHaveLength(1);
  });

  it('applies a write once when its retry races the first attempt', async () => {
    const v = await version();
    const key = `race-${kind}-1`;
    const answers = await Promise.all([1, 2, 3].map(() => post(v, { note: 'Đua nhau' }, key)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await version()).toBe(v + 1);
  });

  it('keeps each account’s keys apart: another person’s same key is their own write, never the first answer', async () => {
    const v = await version();
    const key = `shared-${kind}-1`;
    const first = await post(v, { note: 'Của quản trị viên' }, key);
    expect(first.status).toBe(201);
    const editor = await h.cookieFor('editor');
    const theirs = await h.request(`/tasks/${TASK}/updates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${v + 1}"`, 'Idempotency-Key': key, Cookie: editor },
      body: JSON.stringify({
        status: 'in_progress',
        progress: 42,
        date: TEST_TODAY,
        author: 'B',
        note: 'Của biên tập viên',
      }),
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await version()).toBe(v + 2);
    const notes = (await h.store.listTaskUpdates(TASK)).map((u) => u.note);
    expect(notes).toContain('Của quản trị viên');
    expect(notes).toContain('Của biên tập viên');
  });

  it('refuses the same key for another request (422) and a malformed key (400)', async () => {
    const v = await version();
    const key = `reuse-${kind}-1`;
    expect((await post(v, { note: 'Thứ nhất' }, key)).status).toBe(201);
    const other = await post(v + 1, { note: 'Thứ hai' }, key);
    expect(other.status).toBe(422);
    expect(other.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await post(v + 1, { note: 'x' }, 'key with spaces')).status).toBe(400);
  });

  it('stores every text in NFC: one assignee typed two ways is one facet entry', async () => {
    const nfd = 'Ủy ban nhân dân xã Phú Sơn'.normalize('NFD');
    const v = await version();
    const res = await h.request(`/tasks/${TASK}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${v}"` },
      body: JSON.stringify({ assignee: nfd, date: TEST_TODAY, author: 'A', note: 'Đổi đơn vị' }),
    });
    expect(res.status).toBe(200);
    const stored = await h.store.getTask(TASK);
    expect(stored?.assignee).toBe(nfd.normalize('NFC'));
    // A query typed in NFD finds it too.
    const list = await h.request(`/tasks?assignee=${encodeURIComponent(nfd)}`);
    expect(((await list.json()) as { total: number }).total).toBeGreaterThanOrEqual(1);
  });

  it('reads page and pageSize as digits only: 1e3 is reported, not read as 1000', async () => {
    for (const path of ['/tasks?page=1e3', '/tasks?pageSize=2.0', '/articles?page=0x2', '/updates?page=%201']) {
      const res = await h.request(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { errors: Array<{ name: string }> };
      expect(body.errors[0]?.name, path).toMatch(/^page/);
    }
    expect((await h.request('/tasks?page=2&pageSize=5')).status).toBe(200);
  });

  it('accepts only http and https article URLs', async () => {
    const res = await h.request('/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Bài thử',
        publisher: 'Báo thử',
        date: '2026-01-05',
        url: 'javascript:alert(1)',
        body: 'Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng hoàn thành cầu trong quý II.',
        directives: [],
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ name: string }> }).errors.map((e) => e.name)).toContain('url');
    // The contract's Article says so too, so such a stored URL is never shown as a link.
    const article = await h.store.getArticle('a-000');
    expect(article && ArticleSummary.safeParse({ ...article, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(article && ArticleSummary.safeParse({ ...article, url: 'data:text/html,x' }).success).toBe(false);
    expect(article && ArticleSummary.safeParse({ ...article, url: 'https://baodongkhoi.vn/a' }).success).toBe(true);
  });
});

describe('a store that cannot write', () => {
  it('answers 503 "not stored" and applies nothing', async () => {
    const h = await openHarness('memory');
    try {
      const commit = h.store.commitChange.bind(h.store);
      h.store.commitChange = async () => {
        throw new StoreUnavailableError('the disk is full.');
      };
      const before = await h.store.getTask(TASK);
      const res = await h.request(`/tasks/${TASK}/updates`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${before?.version}"`, 'Idempotency-Key': 'k-503' },
        body: JSON.stringify({ status: 'in_progress', progress: 42, date: TEST_TODAY, author: 'A', note: 'Đầy' }),
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { type: string }).type).toMatch(/\/not-stored$/);
      expect(await h.store.getTask(TASK)).toEqual(before);
      // Nothing kept under the key: the retry, once there is room, is applied.
      h.store.commitChange = commit;
      const retry = await h.request(`/tasks/${TASK}/updates`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${before?.version}"`, 'Idempotency-Key': 'k-503' },
        body: JSON.stringify({ status: 'in_progress', progress: 42, date: TEST_TODAY, author: 'A', note: 'Đầy' }),
      });
      expect(retry.status).toBe(201);
    } finally {
      await h.close();
    }
  });
});

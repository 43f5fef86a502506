// @vitest-environment node
/**
 * `POST /articles/batch` on every store (memory, SQLite, PostgreSQL): one result per article (created, duplicate
 * with the existing article, invalid with its fields), duplicates found within a batch, across batches and against
 * POST /articles, atomically under concurrent writers; the permissions, the Idempotency-Key and the audit trail of
 * POST /articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBatchResult, type ArticleCreate } from '../../src/api/article-import-schemas';
import { Article, ProblemDetails, Task } from '../../src/api/schemas';
import { AuditPage } from '../../src/api/session-schemas';
import { type Harness, openHarness, STORE_KINDS } from './harness';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

let serial = 0;
/** An article no other test sends: its own URL and text. */
function article(overrides: Partial<ArticleCreate> = {}): ArticleCreate {
  serial += 1;
  const n = `${Date.now().toString(36)}-${serial}`;
  const body = `Chủ tịch UBND tỉnh giao Sở Xây dựng hoàn thành công trình số ${n} trước ngày 30/6/2027.`;
  return {
    title: `Kết luận số ${n}`,
    publisher: 'Báo thử nghiệm',
    date: '2026-11-20',
    url: `https://example.vn/tin/ket-luan-${n}.html`,
    body,
    directives: [
      {
        title: `Hoàn thành công trình số ${n}`,
        quote: { start: 0, end: body.length, text: body },
        issuer: 'Chủ tịch UBND tỉnh',
        assignee: 'Sở Xây dựng',
        localityCodes: ['86'],
        category: 'infrastructure',
        flagship: false,
        deadline: { date: '2027-06-30', text: 'trước ngày 30/6/2027' },
      },
    ],
    ...overrides,
  };
}

describe.each(STORE_KINDS)('POST /articles/batch on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const batch = async (articles: unknown[], headers: Record<string, string> = {}) => {
    const response = await h.request('/articles/batch', json({ articles }, headers));
    expect(response.status).toBe(200);
    return ArticleBatchResult.parse(await response.json()).results;
  };
  const createdId = (r: ArticleBatchResult['results'][number] | undefined) => {
    if (r?.status !== 'created') throw new Error(`not created: ${JSON.stringify(r)}`);
    return r.article.id;
  };

  it('answers each article: created (its tasks stored), duplicate (within the batch too) or invalid', async () => {
    const a = article();
    const b = article();
    const sameUrl = article({ url: `${a.url}?utm_source=zalo` });
    const sameText = { ...article(), body: a.body, directives: [], url: null };
    const invalid = { ...article(), date: 'hôm qua', directives: [] };
    const results = await batch([a, b, sameUrl, sameText, invalid, 'not an object']);
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'duplicate',
      'duplicate',
      'invalid',
      'invalid',
    ]);
    const idA = createdId(results[0]);
    expect(results[2]).toMatchObject({ existing: { articleId: idA, matchedBy: 'url', title: a.title } });
    expect(results[3]).toMatchObject({ existing: { articleId: idA, matchedBy: 'content' } });
    expect(results[4]).toMatchObject({ errors: [expect.objectContaining({ name: 'date' })] });

    const stored = Article.parse(await (await h.request(`/articles/${idA}`)).json());
    expect(stored).toMatchObject({ title: a.title, url: a.url, body: a.body });
    expect(stored.taskIds).toHaveLength(1);
    const task = Task.parse(await (await h.request(`/tasks/${stored.taskIds[0]}`)).json());
    expect(task).toMatchObject({
      status: 'not_started',
      progress: 0,
      version: 1,
      articleId: idA,
      assignee: 'Sở Xây dựng',
    });
  });

  it('finds duplicates across batches and against POST /articles, both ways', async () => {
    const a = article();
    const [first] = await batch([a]);
    const idA = createdId(first);
    const [again] = await batch([{ ...a, title: 'Tiêu đề khác' }]);
    expect(again).toMatchObject({ status: 'duplicate', existing: { articleId: idA, matchedBy: 'url' } });
    const single = await h.request('/articles', json(a));
    expect(single.status).toBe(409);
    expect(await single.json()).toMatchObject({ existingArticleId: idA });

    const b = article();
    const posted = await h.request('/articles', json(b));
    expect(posted.status).toBe(201);
    const idB = Article.parse(await posted.json()).id;
    const [repeat] = await batch([{ ...b, url: null }]);
    expect(repeat).toMatchObject({ status: 'duplicate', existing: { articleId: idB, matchedBy: 'content' } });
  });

  it('adds an article once when writers send it at the same moment (the check and the insert are atomic)', async () => {
    const shared = Array.from({ length: 5 }, () => article());
    // Ten batches in parallel, each with the same five articles (in another order) and one of its own.
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => batch([...shared.slice(i % 5), ...shared.slice(0, i % 5), article()])),
    );
    const created = answers.flat().filter((r) => r.status === 'created');
    expect(created).toHaveLength(5 + 10);
    // And single POSTs of one article at once: one 201, the rest 409.
    const one = article();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async () => (await h.request('/articles', json(one))).status),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('refuses a body that is not a list of 1 to 100 articles (400), and callers who may not add articles', async () => {
    for (const body of [{}, { articles: [] }, { articles: Array.from({ length: 101 }, () => article()) }]) {
      const response = await h.request('/articles/batch', json(body));
      expect(response.status).toBe(400);
      ProblemDetails.parse(await response.json());
    }
    const updater = await h.cookieFor('updater', '86');
    const refused = await h.request('/articles/batch', json({ articles: [article()] }, { Cookie: updater }));
    expect(refused.status).toBe(403);
    const editor = await h.cookieFor('editor');
    const allowed = await h.request('/articles/batch', json({ articles: [article()] }, { Cookie: editor }));
    expect(allowed.status).toBe(200);
  });

  it('replays a retry with the same Idempotency-Key (never applied twice) and audits each article once', async () => {
    const items = [article(), article(), article()];
    const key = `batch-${kind}-${Date.now()}`;
    const first = await h.request('/articles/batch', json({ articles: items }, { 'Idempotency-Key': key }));
    const firstBody = await first.text();
    const retry = await h.request('/articles/batch', json({ articles: items }, { 'Idempotency-Key': key }));
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.text()).toBe(firstBody);
    const ids = ArticleBatchResult.parse(JSON.parse(firstBody)).results.map(createdId);
    const misuse = await h.request('/articles/batch', json({ articles: [article()] }, { 'Idempotency-Key': key }));
    expect(misuse.status).toBe(422);

    const audit = AuditPage.parse(await (await h.request('/audit?action=article.create&pageSize=200')).json());
    for (const id of ids) {
      const entries = audit.items.filter((e) => e.target?.id === id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'article.create', target: { type: 'article', id } });
    }
  });
});

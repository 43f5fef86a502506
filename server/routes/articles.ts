import { Hono } from 'hono';
import {
  type ArticleCreate,
  ArticleLookupQuery,
  articleCreateSchema,
  articleFingerprint,
  normalizeArticleUrl,
} from '../../src/api/article-import-schemas';
import { type Article, ArticleListQuery, type StoredTask } from '../../src/api/schemas';
import type { AppDeps } from '../context';
import { nfcDeep } from '../http/nfc';
import { fieldProblem, notFound, PROBLEMS, problem, queryObject, validationProblem } from '../http/problem';

/** A fresh id that another writer is unlikely to pick: time and randomness, base 36. */
function randomArticleId(): string {
  return `a-${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** The article and its tasks as stored: tasks not started, progress 0, version 1, assigned on the article's date. */
export function buildImport(input: ArticleCreate, id: string): { article: Article; tasks: StoredTask[] } {
  const body = input.body.normalize('NFC');
  const createdAt = `${input.date}T08:00:00+07:00`;
  const suffix = id.replace(/^a-/, '');
  const tasks: StoredTask[] = input.directives.map((d, i) => {
    const span = d.clause ?? d.quote;
    return {
      id: `t-${suffix}-${String(i + 1).padStart(2, '0')}`,
      title: d.title,
      description: d.description ?? '',
      articleId: id,
      quote: { start: span.start, end: span.end, text: body.slice(span.start, span.end) },
      issuer: d.issuer,
      assignee: d.assignee,
      localityCodes: [...new Set(d.localityCodes)],
      category: d.category,
      flagship: d.flagship,
      deadline: d.deadline ? { date: d.deadline.date, text: d.deadline.text } : null,
      status: 'not_started',
      progress: 0,
      completedAt: null,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
  });
  const article: Article = {
    id,
    title: input.title,
    publisher: input.publisher,
    date: input.date,
    url: input.url,
    illustrative: false,
    body,
    taskIds: tasks.map((t) => t.id),
  };
  return { article, tasks };
}

/**
 * `GET /articles`, `GET /articles/:id`, `POST /articles` (validated with the contract's schema, duplicates refused
 * with 409) and `GET /article-lookup`.
 */
export function articleRoutes({ store, localities, today }: AppDeps) {
  const app = new Hono();

  app.get('/articles', async (c) => {
    const url = new URL(c.req.url);
    const parsed = ArticleListQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    return c.json(await store.listArticles(parsed.data, { today: today() }));
  });

  app.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const article = await store.getArticle(id);
    if (!article) return notFound('Article', id, new URL(c.req.url).pathname);
    return c.json(article);
  });

  app.post('/articles', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const raw: unknown = nfcDeep(await c.req.json().catch(() => undefined));
    const schema = articleCreateSchema({
      today: today(),
      localityExists: (code, era) => localities.get(code, era) !== undefined,
    });
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) return fieldProblem(parsed.error, instance);
    const input = parsed.data;
    const existing = await store.findArticle(
      input.url ? normalizeArticleUrl(input.url) : null,
      articleFingerprint(input.body, input.date),
    );
    if (existing) {
      return problem({
        type: `${PROBLEMS}/duplicate-article`,
        title: 'Article already submitted',
        status: 409,
        detail: `This article is already in the tracker as "${existing.articleId}" (same ${existing.matchedBy === 'url' ? 'URL' : 'date and text'}).`,
        instance,
        existingArticleId: existing.articleId,
        matchedBy: existing.matchedBy,
        errors: [{ name: existing.matchedBy === 'url' ? 'url' : 'body', reason: 'duplicate' }],
      });
    }
    let id = randomArticleId();
    while (await store.hasArticle(id)) id = randomArticleId();
    const { article, tasks } = buildImport(input, id);
    await store.addArticle(article, tasks);
    return c.json(article, 201, { Location: `/api/v1/articles/${encodeURIComponent(article.id)}` });
  });

  app.get('/article-lookup', async (c) => {
    const url = new URL(c.req.url);
    const parsed = ArticleLookupQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    const wanted = parsed.data.url ? normalizeArticleUrl(parsed.data.url) : null;
    return c.json({ match: await store.findArticle(wanted, parsed.data.fingerprint ?? null) });
  });

  return app;
}

import { Hono } from 'hono';
import {
  ArticleBatchEnvelope,
  type ArticleBatchItemResult,
  type ArticleBatchResult,
  type ArticleCreate,
  ArticleLookupQuery,
  articleCreateSchema,
  articleFingerprint,
  normalizeArticleUrl,
} from '../../src/api/article-import-schemas';
import { type Article, ArticleListQuery, type StoredTask } from '../../src/api/schemas';
import { fieldErrorsOf } from '../../src/api/task-update-schemas';
import { claimAudit } from '../auth/middleware';
import type { AppDeps } from '../context';
import { nfcDeep } from '../http/nfc';
import { fieldProblem, notFound, PROBLEMS, problem, queryObject, validationProblem } from '../http/problem';
import type { NewAuditEntry } from '../store/accounts';
import type { NewArticle } from '../store/types';

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

/** The audit entry of an article added, built for the request (written in the transaction that adds it). */
function auditOfArticle(build: ReturnType<typeof claimAudit>) {
  return build
    ? ({ article }: NewArticle): NewAuditEntry =>
        build({
          targetType: 'article',
          targetId: article.id,
          after: { title: article.title, taskIds: article.taskIds },
        })
    : undefined;
}

/** What identifies an article as a duplicate, with the article and its tasks as stored. */
function newArticle(input: ArticleCreate, id: string): NewArticle {
  const { article, tasks } = buildImport(input, id);
  return {
    article,
    tasks,
    normalizedUrl: input.url ? normalizeArticleUrl(input.url) : null,
    fingerprint: articleFingerprint(input.body, input.date),
  };
}

/**
 * `GET /articles`, `GET /articles/:id`, `POST /articles` (validated with the contract's schema, duplicates refused
 * with 409), `POST /articles/batch` (many at once, one result each) and `GET /article-lookup`.
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

  /** An id no stored article has, nor one in `taken` (which it joins). */
  const freshId = async (taken: Set<string>) => {
    let id = randomArticleId();
    while (taken.has(id) || (await store.hasArticle(id))) id = randomArticleId();
    taken.add(id);
    return id;
  };

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
    const item = newArticle(input, await freshId(new Set()));
    // The duplicate check and the insert in one transaction: two requests with the same article add it once.
    const [outcome] = await store.addArticles([item], auditOfArticle(claimAudit(c)));
    if (outcome && !outcome.created) {
      const existing = outcome.existing;
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
    const { article } = item;
    return c.json(article, 201, { Location: `/api/v1/articles/${encodeURIComponent(article.id)}` });
  });

  /**
   * Many articles in one request (a bulk import): each checked alone (invalid ones are answered, not added), the
   * rest added in one transaction with the duplicate check of POST /articles — against the stored articles and
   * the earlier ones of the batch. Always 200 with one result per article, in order.
   */
  app.post('/articles/batch', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const raw: unknown = nfcDeep(await c.req.json().catch(() => undefined));
    const envelope = ArticleBatchEnvelope.safeParse(raw);
    if (!envelope.success) return fieldProblem(envelope.error, instance);
    const schema = articleCreateSchema({
      today: today(),
      localityExists: (code, era) => localities.get(code, era) !== undefined,
    });
    const results: (ArticleBatchItemResult | null)[] = [];
    const toAdd: NewArticle[] = [];
    const positions: number[] = [];
    const taken = new Set<string>();
    for (const item of envelope.data.articles) {
      const parsed = schema.safeParse(item, { reportInput: true });
      if (!parsed.success) {
        results.push({
          status: 'invalid',
          errors: fieldErrorsOf(parsed.error).map(({ name, reason }) => ({ name, reason })),
        });
        continue;
      }
      positions.push(results.length);
      results.push(null);
      toAdd.push(newArticle(parsed.data, await freshId(taken)));
    }
    const outcomes = await store.addArticles(toAdd, auditOfArticle(claimAudit(c)));
    outcomes.forEach((outcome, k) => {
      const { article } = toAdd[k] as NewArticle;
      results[positions[k] as number] = outcome.created
        ? { status: 'created', article: { id: article.id, title: article.title, taskIds: article.taskIds } }
        : { status: 'duplicate', existing: outcome.existing };
    });
    const body: ArticleBatchResult = { results: results as ArticleBatchItemResult[] };
    return c.json(body, 200);
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

import { HttpResponse, http } from 'msw';
import {
  type ArticleCreate,
  ArticleLookupQuery,
  type ArticleMatch,
  articleCreateSchema,
  articleFingerprint,
  normalizeArticleUrl,
} from '../../src/api/article-import-schemas';
import type { Article, StoredTask } from '../../src/api/schemas';
import { addArticle, type MockDb } from '../db';
import type { MockPersistence } from '../persistence';
import { fieldProblem, PROBLEMS, queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';

/** Fingerprints of the stored articles, computed once per article object. */
const fingerprints = new WeakMap<Article, string>();
function fingerprintOf(article: Article): string {
  let f = fingerprints.get(article);
  if (f === undefined) {
    f = articleFingerprint(article.body, article.date);
    fingerprints.set(article, f);
  }
  return f;
}

/** The stored article with this URL (normalised) or, failing that, this fingerprint. */
export function findArticle(db: MockDb, url: string | null, fingerprint: string | null): ArticleMatch | null {
  const wanted = url ? normalizeArticleUrl(url) : null;
  let byContent: Article | null = null;
  for (const article of db.articles.values()) {
    if (wanted && article.url && normalizeArticleUrl(article.url) === wanted) {
      return { articleId: article.id, title: article.title, date: article.date, matchedBy: 'url' };
    }
    if (!byContent && fingerprint && fingerprintOf(article) === fingerprint) byContent = article;
  }
  return byContent
    ? { articleId: byContent.id, title: byContent.title, date: byContent.date, matchedBy: 'content' }
    : null;
}

/** A fresh id that no other tab is likely to pick: time and randomness, base 36. */
function newArticleId(db: MockDb): string {
  for (;;) {
    const id = `a-${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0')}`;
    if (!db.articles.has(id)) return id;
  }
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
 * `POST /articles` (validated with the contract's schema, duplicates refused with 409) and `GET /article-lookup`.
 * The created article and its tasks are kept by the browser persistence when there is one.
 */
export function articleImportHandlers(store: DbStore, persistence?: MockPersistence) {
  return [
    http.post('*/api/v1/articles', async ({ request }) => {
      const db = store.get();
      await persistence?.sync(db);
      const instance = new URL(request.url).pathname;
      const raw: unknown = await request.json().catch(() => undefined);
      const schema = articleCreateSchema({
        today: db.today(),
        localityExists: (code, era) => db.localities.get(code, era) !== undefined,
      });
      const parsed = schema.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        return fieldProblem(parsed.error, instance);
      }
      const input = parsed.data;
      const existing = findArticle(db, input.url, articleFingerprint(input.body, input.date));
      if (existing) {
        return HttpResponse.json(
          {
            type: `${PROBLEMS}/duplicate-article`,
            title: 'Article already submitted',
            status: 409,
            detail: `This article is already in the tracker as "${existing.articleId}" (same ${existing.matchedBy === 'url' ? 'URL' : 'date and text'}).`,
            instance,
            existingArticleId: existing.articleId,
            matchedBy: existing.matchedBy,
            errors: [{ name: existing.matchedBy === 'url' ? 'url' : 'body', reason: 'duplicate' }],
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      const { article, tasks } = buildImport(input, newArticleId(db));
      addArticle(db, article, tasks);
      await persistence?.recordArticle(db, article.id);
      return HttpResponse.json(article, {
        status: 201,
        headers: { Location: `/api/v1/articles/${encodeURIComponent(article.id)}` },
      });
    }),
    http.get('*/api/v1/article-lookup', async ({ request }) => {
      const url = new URL(request.url);
      const parsed = ArticleLookupQuery.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const db = store.get();
      await persistence?.sync(db);
      return HttpResponse.json({ match: findArticle(db, parsed.data.url ?? null, parsed.data.fingerprint ?? null) });
    }),
  ];
}

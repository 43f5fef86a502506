/**
 * Adding an article and its tasks: `POST /articles` and `GET /article-lookup` (contract in article-import-schemas.ts).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ArticleBatchItemResult,
  ArticleBatchResult,
  type ArticleCreate,
  ArticleLookupResult,
  type ArticleMatch,
  articleFingerprint,
} from './article-import-schemas';
import { articlesQueries } from './articles';
import { ApiError, apiGet, apiRequest, newIdempotencyKey, outcomeUnknown } from './client';
import { compareQueries } from './compare';
import { facetsQueries } from './facets';
import { mockSettingsQueries } from './mock-settings';
import { Article } from './schemas';
import { statsQueries } from './stats';
import { tasksQueries } from './tasks';

/** Sends an article and its accepted directives; answers the created article (its `taskIds` in directive order). */
export function createArticle(body: ArticleCreate, signal?: AbortSignal): Promise<Article> {
  return apiRequest('POST', '/articles', Article, { body, signal, timeoutMs: 60_000 });
}

/** Articles a bulk import sends per request, and the size of a request it keeps under (UTF-16 code units). */
export const BATCH_ARTICLES = 50;
export const BATCH_CHARS = 1_000_000;

/**
 * `POST /articles/batch`: many articles in one request, one result each in the same order. Sent with an
 * Idempotency-Key; without an answer (timeout, connection lost) it is sent again, twice at most, with the same key,
 * so a batch that landed is answered again and never added twice.
 */
export async function createArticles(
  articles: readonly ArticleCreate[],
  signal?: AbortSignal,
): Promise<ArticleBatchItemResult[]> {
  const headers = { 'Idempotency-Key': newIdempotencyKey() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const answer = await apiRequest('POST', '/articles/batch', ArticleBatchResult, {
        body: { articles },
        headers,
        signal,
        timeoutMs: 60_000,
      });
      return answer.results;
    } catch (error) {
      if (attempt < 2 && outcomeUnknown(error) && !signal?.aborted) continue;
      throw error;
    }
  }
}

/** The article already in the tracker with this URL or this text and date, or null. */
export async function lookupArticle(
  query: { url?: string | null; body?: string; date?: string },
  signal?: AbortSignal,
): Promise<ArticleMatch | null> {
  const fingerprint = query.body && query.date ? articleFingerprint(query.body, query.date) : undefined;
  const url = query.url || undefined;
  if (!url && !fingerprint) return null;
  const result = await apiGet('/article-lookup', ArticleLookupResult, { query: { url, fingerprint }, signal });
  return result.match;
}

/** The article was already submitted: `existing` is the one in the tracker (null if it could not be found). */
export class DuplicateArticleError extends Error {
  override readonly name = 'DuplicateArticleError';
  constructor(
    readonly existing: ArticleMatch | null,
    override readonly cause: ApiError,
  ) {
    super('The article was already submitted');
  }
}

/**
 * `createArticle`, with a 409 turned into a DuplicateArticleError that names the existing article (the app's client
 * keeps only the standard members of a problem, so the article is looked up by the same URL or text).
 */
export async function submitArticle(body: ArticleCreate, signal?: AbortSignal): Promise<Article> {
  try {
    return await createArticle(body, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const existing = await lookupArticle(body, signal).catch(() => null);
      throw new DuplicateArticleError(existing, error);
    }
    throw error;
  }
}

/** Everything a new article and its tasks change. */
export function invalidateAfterImport(client: ReturnType<typeof useQueryClient>) {
  return Promise.all(
    [
      tasksQueries.all(),
      statsQueries.all(),
      articlesQueries.all(),
      facetsQueries.all(),
      compareQueries.all(),
      mockSettingsQueries.all(),
    ].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}

/** Saves an article and its tasks (the review screen); every list and statistic is refetched afterwards. */
export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleCreate) => submitArticle(body),
    onSuccess: () => invalidateAfterImport(client),
  });
}

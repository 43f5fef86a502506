/**
 * The contract of adding an article and the tasks it assigns: the body of `POST /articles` (validated by the form and
 * by the server with the same zod schema), its 409, and `GET /article-lookup` (is this article already in the tracker?).
 *
 * "The same article" is the same normalised URL (scheme, `www.`, tracking parameters, fragment and a trailing slash
 * ignored), or the same date and body text once folded (accents, case, punctuation and white space ignored): the
 * same article pasted as text and opened as HTML is one article.
 */
import { z } from 'zod';
import { cleanArticleText } from '../domain/article-text';
import { fold } from '../domain/text';
import { Category, IsoDate, LocalityCode, ProblemDetails, Span } from './schemas';
import { NewDeadline } from './task-update-schemas';

export const ARTICLE_TITLE_MAX = 300;
export const PUBLISHER_MAX = 200;
export const URL_MAX = 2000;
/** About 2 MB of UTF-16: a long conclusion document fits, a mistaken upload of a book does not. */
export const BODY_MAX = 1_000_000;
export const DIRECTIVES_MAX = 500;
export const TASK_TITLE_MAX = 300;
export const PARTY_MAX = 300;
export const DESCRIPTION_MAX = 2000;
export const LOCALITIES_MAX = 20;

const WEB_URL = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(URL_MAX)
  .meta({ description: 'The article on the web (http or https).' });

export const ImportedDirective = z
  .object({
    quote: Span.meta({ description: 'The sentence that assigns the task.' }),
    clause: Span.optional().meta({
      description: "The task's own words inside the sentence; becomes the task's quote.",
    }),
    title: z.string().trim().min(1).max(TASK_TITLE_MAX),
    description: z.string().trim().max(DESCRIPTION_MAX).optional(),
    issuer: z.string().trim().max(PARTY_MAX).meta({ description: 'Who assigned the task; may be empty when unknown.' }),
    assignee: z.string().trim().min(1).max(PARTY_MAX),
    localityCodes: z.array(LocalityCode).max(LOCALITIES_MAX).meta({
      description: "Unit codes of the article's era (pre-2025 units for an article before 1 July 2025).",
    }),
    category: Category,
    flagship: z.boolean(),
    deadline: NewDeadline.nullable(),
  })
  .meta({ id: 'ImportedDirective', description: 'A reviewed directive: becomes one task (not started, progress 0).' });
export type ImportedDirective = z.infer<typeof ImportedDirective>;

const ArticleCreateShape = z.object({
  title: z.string().trim().min(1).max(ARTICLE_TITLE_MAX),
  date: IsoDate.meta({ description: 'Publication date; resolves the deadlines and the era of the localities.' }),
  publisher: z.string().trim().min(1).max(PUBLISHER_MAX),
  url: WEB_URL.nullable(),
  body: z
    .string()
    .max(BODY_MAX)
    .refine((s) => s.trim().length > 0, { params: { reason: 'required' }, message: 'required' })
    .meta({ description: 'Full text. Stored NFC-normalised; spans index the NFC form in UTF-16 code units.' }),
  directives: z.array(ImportedDirective).max(DIRECTIVES_MAX),
});

export const ArticleCreate = ArticleCreateShape.meta({
  id: 'ArticleCreate',
  description:
    'An article and its reviewed directives. Besides the field shapes: every span lies inside the body and its `text` is the body between `start` and `end`; a clause lies inside its quote; a deadline is not before the article; the date is not after today; locality codes exist in the era of the article. A 400 names each field with a machine-readable reason (`span_mismatch`, `out_of_range`, `outside_quote`, `before_article`, `in_the_future`, `unknown_locality`, `required`, `too_long`, …).',
});
export type ArticleCreate = z.infer<typeof ArticleCreate>;

export interface ArticleCreateContext {
  /** The date of evaluation (YYYY-MM-DD): the article may not be dated after it. */
  today?: string;
  /** Whether a unit code exists in an era (the server knows the units; the browser form does not check). */
  localityExists?: (code: string, era: 'pre2025' | 'post2025') => boolean;
}

const REFORM_DATE = '2025-07-01';
export const eraOfArticle = (date: string) => (date < REFORM_DATE ? 'pre2025' : 'post2025');

function checkSpan(
  body: string,
  span: { start: number; end: number; text: string },
  path: (string | number)[],
  refine: z.RefinementCtx,
): boolean {
  if (span.end > body.length || span.start > span.end) {
    refine.addIssue({
      code: 'custom',
      path,
      message: 'span lies outside the body',
      params: { reason: 'out_of_range' },
    });
    return false;
  }
  if (body.slice(span.start, span.end) !== span.text.normalize('NFC')) {
    refine.addIssue({
      code: 'custom',
      path: [...path, 'text'],
      message: 'text is not the body between start and end',
      params: { reason: 'span_mismatch' },
    });
    return false;
  }
  return true;
}

/** `POST /articles`: the body with the rules that need the whole article (and, on the server, today and the units). */
export function articleCreateSchema(ctx: ArticleCreateContext = {}) {
  return ArticleCreate.superRefine((value, refine) => {
    const body = value.body.normalize('NFC');
    if (ctx.today && value.date > ctx.today) {
      refine.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'must not be in the future',
        params: { reason: 'in_the_future' },
      });
    }
    const era = eraOfArticle(value.date);
    value.directives.forEach((d, i) => {
      const at = ['directives', i];
      const quoteOk = checkSpan(body, d.quote, [...at, 'quote'], refine);
      if (d.clause) {
        const clauseOk = checkSpan(body, d.clause, [...at, 'clause'], refine);
        if (quoteOk && clauseOk && (d.clause.start < d.quote.start || d.clause.end > d.quote.end)) {
          refine.addIssue({
            code: 'custom',
            path: [...at, 'clause'],
            message: 'the clause must lie inside its quote',
            params: { reason: 'outside_quote' },
          });
        }
      }
      if (d.deadline && d.deadline.date < value.date) {
        refine.addIssue({
          code: 'custom',
          path: [...at, 'deadline', 'date'],
          message: 'must not be before the article',
          params: { reason: 'before_article' },
        });
      }
      if (ctx.localityExists) {
        d.localityCodes.forEach((code, k) => {
          if (!ctx.localityExists?.(code, era)) {
            refine.addIssue({
              code: 'custom',
              path: [...at, 'localityCodes', k],
              message: `no unit has this code in the era of the article (${era})`,
              params: { reason: 'unknown_locality' },
            });
          }
        });
      }
    });
  });
}

/** What `POST /articles` answers with 409: the article it duplicates. */
export const DuplicateArticleProblem = ProblemDetails.extend({
  existingArticleId: z.string().min(1),
  matchedBy: z.enum(['url', 'content']),
}).meta({
  id: 'DuplicateArticleProblem',
  description: 'The article was already submitted (same normalised URL, or same date and folded body text).',
});

export const ArticleLookupQuery = z.object({
  url: z.string().max(URL_MAX).optional().meta({ description: 'Matched after normalisation.' }),
  fingerprint: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}:[0-9a-f]{1,16}$/)
    .optional()
    .meta({ description: '`articleFingerprint(body, date)`: the date and a hash of the folded body text.' }),
});

export const ArticleMatch = z
  .object({
    articleId: z.string().min(1),
    title: z.string(),
    date: IsoDate,
    matchedBy: z.enum(['url', 'content']),
  })
  .meta({ id: 'ArticleMatch' });
export type ArticleMatch = z.infer<typeof ArticleMatch>;

export const ArticleLookupResult = z
  .object({ match: ArticleMatch.nullable() })
  .meta({ id: 'ArticleLookupResult', description: 'The article already in the tracker, or null.' });

const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|zarsrc|gidzl|_ga|ref|src)$/i;

/** The URL an article is identified by: http = https, no `www.`, no fragment, no tracking parameters, no final `/`. */
export function normalizeArticleUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port && url.port !== '443' && url.port !== '80' ? `:${url.port}` : ''}${path}${query}`;
}

/** 53-bit string hash (cyrb53), as hex: stable across runtimes, no crypto API needed. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** The folded words of a text: accents, case, punctuation and spacing do not count. */
export function foldedWords(body: string): string {
  return fold(body)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Identifies an article by its date and its text, whatever its formatting and whatever the page left around it (a
 * caption given twice, share and comment widgets: `cleanArticleText`, line by line): `YYYY-MM-DD:<hash>`.
 */
export function articleFingerprint(body: string, date: string): string {
  const lines = body.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n\n');
  return `${date}:${hash53(foldedWords(cleanArticleText(lines)))}`;
}

/** Articles `POST /articles/batch` takes at most in one request. */
export const BATCH_MAX = 100;

/** The body of `POST /articles/batch`, as documented. */
export const ArticleBatchCreate = z
  .object({
    articles: z
      .array(ArticleCreate)
      .min(1)
      .max(BATCH_MAX)
      .meta({
        description: `1 to ${BATCH_MAX} articles, checked one by one: a bad article is answered as invalid, the others are still added.`,
      }),
  })
  .meta({
    id: 'ArticleBatchCreate',
    description: 'Articles to add in one request (a bulk import sends them in batches).',
  });
export type ArticleBatchCreate = z.infer<typeof ArticleBatchCreate>;

/** What the server checks of the whole batch before each article alone: a list of 1 to BATCH_MAX items. */
export const ArticleBatchEnvelope = z.object({ articles: z.array(z.unknown()).min(1).max(BATCH_MAX) });

const FieldError = z.object({ name: z.string(), reason: z.string() });

export const ArticleBatchItemResult = z
  .discriminatedUnion('status', [
    z
      .object({
        status: z.literal('created'),
        article: z.object({ id: z.string().min(1), title: z.string(), taskIds: z.array(z.string()) }),
      })
      .meta({ title: 'Created', description: 'Added, with its new tasks in the order of its directives.' }),
    z
      .object({
        status: z.literal('duplicate'),
        existing: ArticleMatch,
      })
      .meta({
        title: 'Duplicate',
        description:
          'Not added: an article with its normalised URL, or its date and text, is stored already (or comes earlier in this batch).',
      }),
    z
      .object({
        status: z.literal('invalid'),
        errors: z.array(FieldError).min(1),
      })
      .meta({
        title: 'Invalid',
        description:
          'Not added: the fields named in `errors` break the rules of ArticleCreate (the reasons of a 400 of POST /articles).',
      }),
  ])
  .meta({ id: 'ArticleBatchItemResult' });
export type ArticleBatchItemResult = z.infer<typeof ArticleBatchItemResult>;

export const ArticleBatchResult = z
  .object({
    results: z.array(ArticleBatchItemResult).meta({ description: 'One result per article sent, in the same order.' }),
  })
  .meta({ id: 'ArticleBatchResult' });
export type ArticleBatchResult = z.infer<typeof ArticleBatchResult>;

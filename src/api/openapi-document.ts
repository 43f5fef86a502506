/**
 * Builds the OpenAPI 3.1 document from the zod contract. Used by `npm run build:openapi` (which writes
 * src/api/openapi.json) and by a test that fails when the committed document drifts from the schemas.
 */

import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import {
  ArticleCreate,
  ArticleLookupQuery,
  ArticleLookupResult,
  DuplicateArticleProblem,
} from './article-import-schemas';
import { CompareResult } from './compare-schemas';
import { Facets } from './facets-schemas';
import { Health, HealthQuery } from './health-schemas';
import {
  Article,
  ArticleListQuery,
  ArticlePage,
  LocalityList,
  LocalityListQuery,
  ProblemDetails,
  Stats,
  Task,
  TaskFilters,
  TaskListQuery,
  TaskPage,
} from './schemas';
import {
  ProgressUpdateBody,
  RecentUpdatePage,
  RecentUpdatesQuery,
  TaskChangeResult,
  TaskPatchBody,
  TaskUpdateList,
} from './task-update-schemas';

const problemResponses = {
  '400': {
    description: 'A query parameter or field is invalid; `errors` names each one.',
    content: { 'application/problem+json': { schema: ProblemDetails } },
  },
} as const;
const notFoundResponse = {
  '404': {
    description: 'No resource has this id.',
    content: { 'application/problem+json': { schema: ProblemDetails } },
  },
} as const;
const ok = (description: string, schema: z.ZodType) => ({
  '200': { description, content: { 'application/json': { schema } } },
});
const idParam = z.object({ id: z.string().min(1) });
/** Writes name the version they were made against, so a newer change is never silently overwritten. */
const ifMatchHeader = z.object({
  'If-Match': z.string().meta({ description: 'The version of the task being changed, as an entity tag: "3".' }),
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemDetails } },
});
const writeProblems = {
  '400': problem('A field is invalid; `errors` names each field with a machine-readable reason.'),
  ...notFoundResponse,
  '412': problem('The task has changed since the version in If-Match: read it again and re-apply the change.'),
  '428': problem('If-Match is missing.'),
} as const;

export function buildOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Directive Tracker API',
      version: '1.0.0',
      description:
        'Theo dõi nhiệm vụ chỉ đạo — tasks assigned in government articles and meeting conclusions, their progress and statistics. Errors are application/problem+json (RFC 9457).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    // The session cookie of a signed-in user; an empty requirement marks what a deployment may open to anyone.
    components: {
      securitySchemes: {
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'dt_session',
          description: 'The session cookie set by signing in (HttpOnly, SameSite=Lax).',
        },
      },
    },
    security: [{ cookieAuth: [] }, {}],
    paths: {
      '/tasks': {
        get: {
          summary: 'List tasks, filtered, sorted and paged',
          operationId: 'listTasks',
          requestParams: { query: TaskListQuery },
          responses: { ...ok('A page of tasks', TaskPage), ...problemResponses },
        },
      },
      '/tasks/{id}': {
        get: {
          summary: 'One task',
          operationId: 'getTask',
          requestParams: { path: idParam },
          responses: { ...ok('The task', Task), ...notFoundResponse },
        },
        patch: {
          summary: 'Change some fields of a task (recorded in its history)',
          operationId: 'patchTask',
          requestParams: { path: idParam, header: ifMatchHeader },
          requestBody: { content: { 'application/json': { schema: TaskPatchBody } } },
          responses: { ...ok('The task after the change, and its history entry', TaskChangeResult), ...writeProblems },
        },
      },
      '/tasks/{id}/updates': {
        get: {
          summary: "A task's history: every update, oldest first, with what it changed",
          operationId: 'listTaskUpdates',
          requestParams: { path: idParam },
          responses: { ...ok('The history', TaskUpdateList), ...notFoundResponse },
        },
        post: {
          summary: 'Record a progress update (status, progress, note, date, author; optionally a new deadline)',
          operationId: 'recordTaskUpdate',
          requestParams: { path: idParam, header: ifMatchHeader },
          requestBody: { content: { 'application/json': { schema: ProgressUpdateBody } } },
          responses: {
            '201': {
              description: 'Recorded: the task after it, and the history entry (ETag: the new version)',
              content: { 'application/json': { schema: TaskChangeResult } },
            },
            ...writeProblems,
          },
        },
      },
      '/updates': {
        get: {
          summary: 'The latest updates across the tasks matching the filters, newest recorded first',
          operationId: 'listRecentUpdates',
          requestParams: { query: RecentUpdatesQuery },
          responses: { ...ok('A page of updates', RecentUpdatePage), ...problemResponses },
        },
      },
      '/stats': {
        get: {
          summary: 'Aggregates over the tasks matching the filters',
          operationId: 'getStats',
          requestParams: { query: TaskFilters },
          responses: { ...ok('Counts and series', Stats), ...problemResponses },
        },
      },
      '/stats/compare': {
        get: {
          summary: 'The children of the filtered locality side by side (provinces when none)',
          operationId: 'compareLocalities',
          requestParams: { query: TaskFilters },
          responses: { ...ok('One row per unit', CompareResult), ...problemResponses },
        },
      },
      '/facets': {
        get: {
          summary: 'Distinct issuers and assignees of the matching tasks, with counts (each ignores its own filter)',
          operationId: 'getFacets',
          requestParams: { query: TaskFilters },
          responses: { ...ok('Values by frequency', Facets), ...problemResponses },
        },
      },
      '/articles': {
        get: {
          summary: 'List articles, newest first',
          operationId: 'listArticles',
          requestParams: { query: ArticleListQuery },
          responses: { ...ok('A page of articles', ArticlePage), ...problemResponses },
        },
        post: {
          summary: 'Add an article and the tasks of its reviewed directives',
          operationId: 'createArticle',
          requestBody: { content: { 'application/json': { schema: ArticleCreate } } },
          responses: {
            '201': {
              description:
                'The article; `taskIds` lists its new tasks in the order of the directives (not started, progress 0, version 1, assigned on the article date).',
              content: { 'application/json': { schema: Article } },
            },
            ...problemResponses,
            '409': {
              description: 'The article was already submitted; `existingArticleId` names it.',
              content: { 'application/problem+json': { schema: DuplicateArticleProblem } },
            },
          },
        },
      },
      '/article-lookup': {
        get: {
          summary: 'The article already in the tracker with this URL (normalised) or this date and text',
          operationId: 'lookupArticle',
          requestParams: { query: ArticleLookupQuery },
          responses: { ...ok('The match, or null', ArticleLookupResult), ...problemResponses },
        },
      },
      '/articles/{id}': {
        get: {
          summary: 'One article with its body text',
          operationId: 'getArticle',
          requestParams: { path: idParam },
          responses: { ...ok('The article', Article), ...notFoundResponse },
        },
      },
      '/health': {
        get: {
          summary: 'The server is up and reaches its database',
          operationId: 'getHealth',
          security: [{}],
          requestParams: { query: HealthQuery },
          responses: {
            ...ok('Up', Health),
            ...problemResponses,
            '503': problem('The database cannot be reached.'),
          },
        },
      },
      '/localities': {
        get: {
          summary: 'Administrative units: children of a parent (provinces when none), a search, or given codes',
          operationId: 'listLocalities',
          requestParams: { query: LocalityListQuery },
          responses: { ...ok('Units', LocalityList), ...problemResponses, ...notFoundResponse },
        },
      },
    },
  });
}

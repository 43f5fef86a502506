/**
 * Builds the OpenAPI 3.1 document from the zod contract. Used by `npm run build:openapi` (which writes
 * src/api/openapi.json) and by a test that fails when the committed document drifts from the schemas.
 */

import { z } from 'zod';
import { createDocument } from 'zod-openapi';
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
      },
      '/stats': {
        get: {
          summary: 'Aggregates over the tasks matching the filters',
          operationId: 'getStats',
          requestParams: { query: TaskFilters },
          responses: { ...ok('Counts and series', Stats), ...problemResponses },
        },
      },
      '/articles': {
        get: {
          summary: 'List articles, newest first',
          operationId: 'listArticles',
          requestParams: { query: ArticleListQuery },
          responses: { ...ok('A page of articles', ArticlePage), ...problemResponses },
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

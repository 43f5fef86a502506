/**
 * Builds the OpenAPI 3.1 document from the zod contract. Used by `npm run build:openapi` (which writes
 * src/api/openapi.json) and by a test that fails when the committed document drifts from the schemas.
 */

import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import {
  ArticleBatchCreate,
  ArticleBatchResult,
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
  AuditPage,
  AuditQuery,
  DisplayLink,
  DisplayLinkCreate,
  DisplayLinkCreated,
  DisplayLinkList,
  DisplaySignIn,
  ForbiddenProblem,
  Session,
  SignedOut,
  SignInBody,
  TaskPermissions,
  TaskPermissionsQuery,
  TooManySignInsProblem,
  UnauthenticatedProblem,
  User,
  UserCreate,
  UserList,
  UserPatch,
} from './session-schemas';
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

/** The answers of the auth layer (server/auth/middleware.ts), before a route reads anything. */
const unauthenticated = (description = 'No session: sign in first (`publicRead` says whether reads are open).') => ({
  '401': { description, content: { 'application/problem+json': { schema: UnauthenticatedProblem } } },
});
const forbidden = (description: string) => ({
  '403': { description, content: { 'application/problem+json': { schema: ForbiddenProblem } } },
});
const CROSS_SITE = 'The write was sent from another site (`reason: cross_site`).';
/** An admin-only operation: signed out 401, another role or a display link 403. */
const adminOnly = (write: boolean) => ({
  ...unauthenticated(),
  ...forbidden(`Only an admin may do this (\`reason: role\`)${write ? `, or: ${CROSS_SITE}` : '.'}`),
});
const fieldProblems = {
  '400': problem('A field is invalid; `errors` names each field with a machine-readable reason.'),
} as const;
/** Signing in sets the session cookie; signing out clears it. */
const setCookie = z.object({
  'Set-Cookie': z.string().meta({
    description: 'dt_session=…; Path=/; Max-Age=…; HttpOnly; SameSite=Lax (and Secure over HTTPS).',
  }),
});
const signedIn = (description: string) => ({
  '200': { description, headers: setCookie, content: { 'application/json': { schema: Session } } },
});
/** A retried write with the same key gets the first answer again and is never applied twice. */
const idempotencyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional()
    .meta({ description: 'A key the client makes for one write (a UUID) and sends again with each retry of it.' }),
});
/** `Last-Event-ID` (header) or `lastEventId` (query): where a reconnecting stream resumes. */
const eventsQuery = z.object({
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({ description: 'The id of the last event seen, for clients that cannot send the Last-Event-ID header.' }),
});
const eventsHeader = z.object({
  'Last-Event-ID': z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({ description: 'The id of the last event seen: the stream resumes after it (or sends `reload`).' }),
});

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
      '/articles/batch': {
        post: {
          summary: 'Add many articles at once (a bulk import), with one result per article',
          description:
            'Each article is checked as by POST /articles. The valid ones are added in one transaction, with the same duplicate check (against the stored articles and the earlier ones of the batch), permissions, Idempotency-Key handling and audit entries (one `article.create` per article added). An invalid or duplicate article does not stop the others.',
          operationId: 'createArticles',
          requestParams: { header: idempotencyHeader },
          requestBody: { content: { 'application/json': { schema: ArticleBatchCreate } } },
          responses: {
            '200': {
              description:
                'One result per article, in order: `created` (with its new task ids), `duplicate` (the stored article it repeats) or `invalid` (the fields and reasons).',
              content: { 'application/json': { schema: ArticleBatchResult } },
            },
            '400': problem('The body is not a list of 1 to 100 articles under `articles`.'),
            ...unauthenticated(),
            ...forbidden(`Only an editor or an admin may add articles (\`reason: role\`), or: ${CROSS_SITE}`),
            '422': problem('The Idempotency-Key was used for another request.'),
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
      '/events': {
        get: {
          summary: 'Live changes as Server-Sent Events: hello, then change (or reload), and a heartbeat comment',
          operationId: 'streamEvents',
          requestParams: { query: eventsQuery, header: eventsHeader },
          responses: {
            '200': {
              description:
                'A text/event-stream: `hello` (data: `{id, version, at, resumed}`), a `change` per change published (data: the tasks and articles it touched), `reload` when the stream cannot resume.',
              content: { 'text/event-stream': { schema: z.string() } },
            },
            ...unauthenticated(),
          },
        },
      },
      '/session': {
        get: {
          summary: 'Who is signed in: a user, a wall screen with a display link, or nobody',
          operationId: 'getSession',
          responses: {
            ...ok('The session; without a session cookie: `user` and `display` null', Session),
            ...unauthenticated(
              'The session cookie sent no longer opens a session (expired, ended, or its user disabled): it is cleared.',
            ),
          },
        },
        post: {
          summary: 'Sign in with a user name and password (sets the session cookie)',
          operationId: 'signIn',
          security: [{}],
          requestBody: { content: { 'application/json': { schema: SignInBody } } },
          responses: {
            ...signedIn('Signed in: the session, and its cookie'),
            ...fieldProblems,
            ...unauthenticated(
              'Wrong user name or password, or a disabled account (the same answer for each, after the same work).',
            ),
            ...forbidden(CROSS_SITE),
            '429': {
              description: 'Too many failed sign-ins for this account (5) or from this address (20) within 15 minutes.',
              headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
              content: { 'application/problem+json': { schema: TooManySignInsProblem } },
            },
          },
        },
        delete: {
          summary: 'Sign out (ends the session and clears its cookie; fine without one)',
          operationId: 'signOut',
          responses: {
            '200': {
              description: 'Signed out',
              headers: setCookie,
              content: { 'application/json': { schema: SignedOut } },
            },
            ...forbidden(CROSS_SITE),
          },
        },
      },
      '/session/display': {
        post: {
          summary: "Sign a wall screen in with a display link's token (a read-only session)",
          operationId: 'signInDisplay',
          security: [{}],
          requestBody: { content: { 'application/json': { schema: DisplaySignIn } } },
          responses: {
            ...signedIn('Signed in as the display link: the session, and its cookie'),
            ...fieldProblems,
            ...unauthenticated('The display link does not exist or has been revoked.'),
            ...forbidden(CROSS_SITE),
          },
        },
      },
      '/session/permissions': {
        get: {
          summary: 'What the caller may do with one task (the interface offers only that)',
          operationId: 'getTaskPermissions',
          requestParams: { query: TaskPermissionsQuery },
          responses: { ...ok('The actions allowed, and why an update is not', TaskPermissions), ...problemResponses },
        },
      },
      '/users': {
        get: {
          summary: 'List the accounts (admin)',
          operationId: 'listUsers',
          responses: { ...ok('Every account', UserList), ...adminOnly(false) },
        },
        post: {
          summary: 'Create an account (admin)',
          operationId: 'createUser',
          requestBody: { content: { 'application/json': { schema: UserCreate } } },
          responses: {
            '201': {
              description: 'Created',
              headers: z.object({ Location: z.string().meta({ description: 'The new user: /api/v1/users/{id}.' }) }),
              content: { 'application/json': { schema: User } },
            },
            ...fieldProblems,
            ...adminOnly(true),
            '409': problem('The user name is taken (`errors`: username, username_taken).'),
          },
        },
      },
      '/users/{id}': {
        patch: {
          summary: 'Change an account: name, role, unit, password, disabled (admin)',
          operationId: 'updateUser',
          requestParams: { path: idParam },
          requestBody: { content: { 'application/json': { schema: UserPatch } } },
          responses: {
            ...ok('The account after the change', User),
            ...fieldProblems,
            ...adminOnly(true),
            ...notFoundResponse,
            '409': problem(
              'The user name is taken (username_taken), or this would leave no active admin (role, last_admin).',
            ),
          },
        },
      },
      '/display-links': {
        get: {
          summary: 'List the display links of wall screens, revoked ones too (admin)',
          operationId: 'listDisplayLinks',
          responses: { ...ok('Every display link (never a token)', DisplayLinkList), ...adminOnly(false) },
        },
        post: {
          summary: 'Create a read-only display link for a wall screen (admin)',
          operationId: 'createDisplayLink',
          requestBody: { content: { 'application/json': { schema: DisplayLinkCreate } } },
          responses: {
            '201': {
              description: 'Created: the token and the path to open, shown this once',
              content: { 'application/json': { schema: DisplayLinkCreated } },
            },
            ...fieldProblems,
            ...adminOnly(true),
          },
        },
      },
      '/display-links/{id}': {
        delete: {
          summary: "Revoke a display link: its screens' sessions end at once (admin)",
          operationId: 'revokeDisplayLink',
          requestParams: { path: idParam },
          responses: {
            ...ok('The link, revoked (revoking twice changes nothing)', DisplayLink),
            ...adminOnly(true),
            ...notFoundResponse,
          },
        },
      },
      '/audit': {
        get: {
          summary: 'The audit trail, newest first, filtered and paged (admin)',
          operationId: 'listAudit',
          requestParams: { query: AuditQuery },
          responses: { ...ok('A page of entries', AuditPage), ...problemResponses, ...adminOnly(false) },
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

/**
 * Who may call what: one table, as data. The auth middleware (middleware.ts) enforces it before a route reads a
 * body, and the tests (tests/server/auth-matrix.test.ts) call every row as every role. A request no row matches is
 * a read that needs a session (GET) or an admin-only write, so a route added without a row is never open.
 *
 * Access: 'public' (anyone, signed in or not), 'read' (any session — a user or a wall screen's display link — or
 * anyone when PUBLIC_READ=1), or the roles allowed. `scope: 'task-unit'` limits an updater to the tasks whose
 * locality lies within their unit, decided like the locality filter (across the 2025 reform).
 */
import type { AuditAction, Role } from '../../src/api/session-schemas';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'public' | 'read' | readonly Role[];

export interface Permission {
  method: Method;
  /** Path under /api/v1, with `:name` segments. */
  path: string;
  access: Access;
  /** An updater may act only on a task of their unit (the `:id` of the path). */
  scope?: 'task-unit';
  /**
   * A successful call is written to the audit trail under this action: by the route, in the transaction of its
   * change (claimAudit in middleware.ts), or else by the middleware after it.
   */
  audit?: AuditAction;
}

const ANY_EDITOR = ['admin', 'editor'] as const;
const ADMIN = ['admin'] as const;

export const PERMISSIONS: readonly Permission[] = [
  // Sessions: anyone may try to sign in; the answers never say whether a user name exists.
  { method: 'GET', path: '/session', access: 'public' },
  { method: 'POST', path: '/session', access: 'public' },
  { method: 'DELETE', path: '/session', access: 'public' },
  { method: 'POST', path: '/session/display', access: 'public' },
  { method: 'GET', path: '/session/permissions', access: 'public' },
  { method: 'GET', path: '/health', access: 'public' },
  { method: 'GET', path: '/openapi.json', access: 'public' },

  // Reads.
  { method: 'GET', path: '/tasks', access: 'read' },
  { method: 'GET', path: '/tasks/:id', access: 'read' },
  { method: 'GET', path: '/tasks/:id/updates', access: 'read' },
  { method: 'GET', path: '/updates', access: 'read' },
  { method: 'GET', path: '/stats', access: 'read' },
  { method: 'GET', path: '/stats/compare', access: 'read' },
  { method: 'GET', path: '/facets', access: 'read' },
  { method: 'GET', path: '/articles', access: 'read' },
  { method: 'GET', path: '/articles/:id', access: 'read' },
  { method: 'GET', path: '/article-lookup', access: 'read' },
  { method: 'GET', path: '/localities', access: 'read' },
  { method: 'GET', path: '/events', access: 'read' },

  // Writes on the data.
  { method: 'PATCH', path: '/tasks/:id', access: ANY_EDITOR, audit: 'task.patch' },
  {
    method: 'POST',
    path: '/tasks/:id/updates',
    access: ['admin', 'editor', 'updater'],
    scope: 'task-unit',
    audit: 'task.update',
  },
  { method: 'POST', path: '/articles', access: ANY_EDITOR, audit: 'article.create' },
  // Many articles at once: one 'article.create' entry per article added.
  { method: 'POST', path: '/articles/batch', access: ANY_EDITOR, audit: 'article.create' },

  // Administration (the routes write their own, more detailed audit entries).
  { method: 'GET', path: '/users', access: ADMIN },
  { method: 'POST', path: '/users', access: ADMIN },
  { method: 'PATCH', path: '/users/:id', access: ADMIN },
  { method: 'GET', path: '/audit', access: ADMIN },
  { method: 'GET', path: '/display-links', access: ADMIN },
  { method: 'POST', path: '/display-links', access: ADMIN },
  { method: 'DELETE', path: '/display-links/:id', access: ADMIN },
];

/** What a request no row matches needs. */
export const FALLBACK = {
  read: { method: 'GET', path: '*', access: 'read' } satisfies Permission,
  write: { method: 'POST', path: '*', access: ADMIN } satisfies Permission,
};

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) {
      if (!g) return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

/** The row for a request (path under /api/v1), with the path's parameters; the fallback when none matches. */
export function permissionFor(
  method: string,
  path: string,
): { permission: Permission; params: Record<string, string> } {
  const m = method === 'HEAD' ? 'GET' : method;
  for (const permission of PERMISSIONS) {
    if (permission.method !== m) continue;
    const params = matchPath(permission.path, path || '/');
    if (params) return { permission, params };
  }
  return { permission: m === 'GET' ? FALLBACK.read : FALLBACK.write, params: {} };
}

/** Who is asking: a signed-in user, a wall screen with a display link, or nobody. */
export type Caller = { kind: 'user'; role: Role } | { kind: 'display' } | null;

/**
 * The decision for a caller, before anything about the task: 'allow', 'scope' (allowed if the task lies within
 * the updater's unit), 401 (sign in first) or 403 (signed in, but not allowed).
 */
export function decide(permission: Permission, caller: Caller, publicRead: boolean): 'allow' | 'scope' | 401 | 403 {
  const { access } = permission;
  if (access === 'public') return 'allow';
  if (access === 'read') return caller || publicRead ? 'allow' : 401;
  if (!caller) return 401;
  if (caller.kind !== 'user' || !access.includes(caller.role)) return 403;
  return permission.scope === 'task-unit' && caller.role === 'updater' ? 'scope' : 'allow';
}

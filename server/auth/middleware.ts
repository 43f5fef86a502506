/**
 * The auth layer, as Hono middleware in front of every route: refuses writes from another site (CSRF), finds the
 * caller from the session cookie, applies the permission table (permissions.ts) before any route reads a body —
 * 401 without a session, 403 for a role or unit that may not — and sees that successful data changes reach the
 * audit trail (the route writes the entry in the change's own transaction, claimAudit). The same code runs in Node and in the browser demo; only the cookie's transport differs (mocks/handlers.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { StoredTask } from '../../src/api/schemas';
import type { AuditAction } from '../../src/api/session-schemas';
import type { LocalityIndex } from '../../src/domain/localities';
import { filterTasks, indexTask } from '../../src/domain/task-query';
import { PROBLEMS, problem } from '../http/problem';
import type { NewAuditEntry, StoredDisplayLink, StoredSession, StoredUser } from '../store/accounts';
import type { Store } from '../store/types';
import { sha256Hex } from './crypto';
import type { AuthOptions } from './options';
import { type Caller, decide, permissionFor } from './permissions';

export const SESSION_COOKIE = 'dt_session';
export const API_BASE = '/api/v1';

export type Principal =
  | { kind: 'user'; user: StoredUser; session: StoredSession }
  | { kind: 'display'; link: StoredDisplayLink; session: StoredSession };

export type AuthEnv = { Variables: { principal: Principal | null; audit: RequestAudit | null } };

/**
 * The audit entry of a request whose permission names an audit action. The route claims it (claimAudit) and has the
 * store write the entries in the same transaction as the change, so an acknowledged change always has its entry
 * and a change that is not stored has none; the middleware writes the entry afterwards only for a route that did
 * not claim it.
 */
interface RequestAudit {
  action: AuditAction;
  build: (fields: Partial<NewAuditEntry>) => NewAuditEntry;
  claimed: boolean;
}

/**
 * How the browser demo carries the session token: there the app runs in the page (MSW), where scripts may neither
 * send a Cookie header nor read a Set-Cookie, so mocks/handlers.ts passes this as the app's env binding. The rules
 * are the same; on the server there is no transport and the cookie is used.
 */
export interface SessionTransport {
  read(): string | null;
  write(token: string | null): void;
}
export const transportOf = (c: Context): SessionTransport | undefined =>
  (c.env as { sessionTransport?: SessionTransport } | undefined)?.sessionTransport;

/** The caller of a request that went through the middleware (null when signed out). */
export function principalOf(c: Context): Principal | null {
  return ((c as unknown as Context<AuthEnv>).get('principal') as Principal | null | undefined) ?? null;
}

export const callerOf = (p: Principal | null): Caller =>
  p === null ? null : p.kind === 'user' ? { kind: 'user', role: p.user.role } : { kind: 'display' };

/** Where a request came from, and whether it came over HTTPS (behind a trusted proxy: as the proxy says). */
export function requestInfo(c: Context, options: AuthOptions) {
  const forwarded = (name: string) =>
    options.trustProxy ? c.req.header(name)?.split(',')[0]?.trim() || undefined : undefined;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const proto = forwarded('X-Forwarded-Proto') ?? new URL(c.req.url).protocol.replace(':', '');
  return {
    ip: forwarded('X-Forwarded-For') ?? env?.incoming?.socket?.remoteAddress ?? null,
    userAgent: c.req.header('User-Agent')?.slice(0, 300) ?? null,
    secure: proto === 'https',
    host: forwarded('X-Forwarded-Host') ?? new URL(c.req.url).host,
  };
}

/** `Set-Cookie` for the session: HttpOnly, SameSite=Lax, Secure over HTTPS; an empty token clears it. */
export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    `Max-Age=${token ? Math.floor(maxAgeMs / 1000) : 0}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** A write whose Origin or Sec-Fetch-Site says another site sent it. Requests without either (curl) pass. */
function crossSite(c: Context, host: string): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('Origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
}

/** The caller from the session cookie; expired, ended, disabled or revoked sessions give null. */
export async function resolvePrincipal(
  c: Context,
  store: Store,
  options: AuthOptions,
): Promise<{ principal: Principal | null; token: string | null; renewedMs: number | null }> {
  const transport = transportOf(c);
  const token = transport ? transport.read() : getCookie(c, SESSION_COOKIE);
  const none = { principal: null, token: null, renewedMs: null };
  if (!token || token.length > 200) return none;
  const session = await store.accounts.getSession(await sha256Hex(token));
  if (!session) return none;
  const now = options.now();
  if (Date.parse(session.expiresAt) <= now) {
    await store.accounts.deleteSession(session.id);
    return none;
  }
  let principal: Principal | null = null;
  if (session.userId) {
    const user = await store.accounts.getUser(session.userId);
    if (user && !user.disabled) principal = { kind: 'user', user, session };
  } else if (session.displayLinkId) {
    const link = await store.accounts.getDisplayLink(session.displayLinkId);
    if (link && !link.revokedAt) principal = { kind: 'display', link, session };
  }
  if (!principal) return none;
  // Sliding expiry: past half its life, a session in use is extended (and its cookie sent again).
  const ttl = session.userId ? options.sessionTtlMs : options.displayTtlMs;
  let renewedMs: number | null = null;
  if (Date.parse(session.expiresAt) - now < ttl / 2) {
    const expiresAt = new Date(now + ttl).toISOString();
    await store.accounts.extendSession(session.id, expiresAt);
    session.expiresAt = expiresAt;
    renewedMs = ttl;
  }
  return { principal, token, renewedMs };
}

/** An audit entry of a request: who (the principal unless given), when, from where. */
export function auditEntry(
  c: Context,
  options: AuthOptions,
  entry: Pick<NewAuditEntry, 'action'> & Partial<NewAuditEntry>,
): NewAuditEntry {
  const p = principalOf(c);
  const info = requestInfo(c, options);
  return {
    at: new Date(options.now()).toISOString(),
    actorId: p?.kind === 'user' ? p.user.id : null,
    actorName: p?.kind === 'user' ? p.user.username : null,
    targetType: null,
    targetId: null,
    before: null,
    after: null,
    ip: info.ip,
    userAgent: info.userAgent,
    ...entry,
  };
}

/** Writes an audit entry for a request on its own (a change that has its own entry uses auditEntry in its transaction). */
export async function audit(
  c: Context,
  store: Store,
  options: AuthOptions,
  entry: Pick<NewAuditEntry, 'action'> & Partial<NewAuditEntry>,
): Promise<void> {
  await store.accounts.appendAudit(auditEntry(c, options, entry));
}

/**
 * For a route whose permission names an audit action: builds the request's entries under that action, for the
 * route to hand to the store's write (written in its transaction). The middleware then writes none for the request.
 * Null when the request is not audited.
 */
export function claimAudit(c: Context): ((fields: Partial<NewAuditEntry>) => NewAuditEntry) | null {
  const pending = (c as unknown as Context<AuthEnv>).get('audit') as RequestAudit | null | undefined;
  if (!pending) return null;
  pending.claimed = true;
  return pending.build;
}

/** Whether an updater's unit holds the task, decided by the locality filter itself (across the 2025 reform). */
export function taskWithinUnit(task: StoredTask, unitCode: string, localities: LocalityIndex, today: string): boolean {
  try {
    return filterTasks([indexTask(task)], { locality: [unitCode] }, { today, localities }).length > 0;
  } catch {
    return false; // a unit code that no longer exists holds nothing
  }
}

/** The fields of a task the audit trail shows before and after a change. */
export const tracked = (t: Partial<StoredTask> | undefined | null) =>
  t
    ? {
        status: t.status,
        progress: t.progress,
        deadline: t.deadline,
        assignee: t.assignee,
        completedAt: t.completedAt,
        version: t.version,
      }
    : null;

const denied = (status: 401 | 403, instance: string, detail: string, extra: Record<string, unknown> = {}) =>
  problem({
    type: `${PROBLEMS}/${status === 401 ? 'unauthenticated' : 'forbidden'}`,
    title: status === 401 ? 'Sign-in required' : 'Not allowed',
    status,
    detail,
    instance,
    ...extra,
  });

export function authMiddleware(deps: {
  store: Store;
  localities: LocalityIndex;
  today: () => string;
  auth: AuthOptions;
}): MiddlewareHandler<AuthEnv> {
  const { store, localities, today, auth: options } = deps;
  return async (c, next) => {
    const url = new URL(c.req.url);
    const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) : url.pathname;
    const method = c.req.method;
    const info = requestInfo(c, options);

    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && crossSite(c, info.host)) {
      return denied(403, url.pathname, 'This change was sent from another site; it is refused.', {
        reason: 'cross_site',
      });
    }

    const { principal, token, renewedMs } = await resolvePrincipal(c, store, options);
    c.set('principal', principal);
    const { permission, params } = permissionFor(method, path);
    const decision = decide(permission, callerOf(principal), options.publicRead);
    if (decision === 401) {
      return denied(401, url.pathname, 'Sign in to continue.', { publicRead: options.publicRead });
    }
    if (decision === 403) {
      return denied(403, url.pathname, 'Your role does not allow this.', { reason: 'role' });
    }

    const auditing = permission.audit;
    const pending: RequestAudit | null = auditing
      ? { action: auditing, build: (fields) => auditEntry(c, options, { ...fields, action: auditing }), claimed: false }
      : null;
    c.set('audit', pending);
    const taskId = params.id;
    const before = taskId && decision === 'scope' ? await store.getTask(taskId) : null;
    if (decision === 'scope' && before && principal?.kind === 'user') {
      const unit = principal.user.unitCode ?? '';
      if (!taskWithinUnit(before, unit, localities, today())) {
        return denied(403, url.pathname, `You can only update tasks within your unit (${unit}).`, {
          reason: 'outside_unit',
          unitCode: unit,
        });
      }
    }

    await next();

    if (renewedMs !== null && token) {
      c.res.headers.append('Set-Cookie', sessionCookie(token, renewedMs, info.secure));
    }
    if (auditing && !pending?.claimed && c.res.status < 300 && !c.res.headers.has('Idempotent-Replayed')) {
      const body = (await c.res
        .clone()
        .json()
        .catch(() => null)) as Record<string, unknown> | null;
      await writeAudit(c, auditing, body, before);
    }
  };

  async function writeAudit(
    c: Context,
    action: AuditAction,
    body: Record<string, unknown> | null,
    before: StoredTask | null,
  ) {
    if (action === 'task.patch' || action === 'task.update') {
      const task = body?.task as StoredTask | undefined;
      const update = body?.update as { id?: string; note?: string; evidence?: unknown[] } | undefined;
      await audit(c, store, options, {
        action,
        targetType: 'task',
        targetId: task?.id ?? before?.id ?? null,
        before: tracked(before),
        after: { ...tracked(task), note: update?.note ?? '', updateId: update?.id ?? null },
      });
    } else if (action === 'article.create' && Array.isArray(body?.results)) {
      // POST /articles/batch: the entry of POST /articles for each article it added, written at once.
      const p = principalOf(c);
      const info = requestInfo(c, options);
      const at = new Date(options.now()).toISOString();
      const entries: NewAuditEntry[] = [];
      for (const result of body.results as {
        status?: string;
        article?: { id?: unknown; title?: unknown; taskIds?: unknown };
      }[]) {
        if (result?.status !== 'created' || typeof result.article?.id !== 'string') continue;
        entries.push({
          at,
          actorId: p?.kind === 'user' ? p.user.id : null,
          actorName: p?.kind === 'user' ? p.user.username : null,
          action,
          targetType: 'article',
          targetId: result.article.id,
          before: null,
          after: { title: result.article.title, taskIds: result.article.taskIds },
          ip: info.ip,
          userAgent: info.userAgent,
        });
      }
      await store.accounts.appendAudit(entries);
    } else if (action === 'article.create') {
      await audit(c, store, options, {
        action,
        targetType: 'article',
        targetId: typeof body?.id === 'string' ? body.id : null,
        after: { title: body?.title, taskIds: body?.taskIds },
      });
    } else {
      await audit(c, store, options, { action, after: body });
    }
  }
}

/** The author of a change: the signed-in user's name. */
export function authorOf(c: Context): string {
  const p = principalOf(c);
  return p?.kind === 'user' ? p.user.displayName : '';
}

/**
 * `/session`: sign in (`POST`, user name and password → a session cookie), who is signed in (`GET`), sign out
 * (`DELETE`); `POST /session/display` signs a wall screen in with a display link; `GET /session/permissions?task=`
 * says what the caller may do with one task (the interface offers only that). Failed sign-ins are counted per
 * account and per address: past the limit, 429 with Retry-After. A wrong user name and a wrong password get the
 * same answer, after the same work.
 */
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  DisplaySignIn,
  type Session,
  type SignedOut,
  SignInBody,
  type TaskPermissions,
  TaskPermissionsQuery,
} from '../../src/api/session-schemas';
import { sha256Hex } from '../auth/crypto';
import {
  type AuthEnv,
  audit,
  callerOf,
  type Principal,
  principalOf,
  requestInfo,
  resolvePrincipal,
  SESSION_COOKIE,
  sessionCookie,
  taskWithinUnit,
  transportOf,
} from '../auth/middleware';
import type { AuthOptions } from '../auth/options';
import { decide, permissionFor } from '../auth/permissions';
import { issueSession } from '../auth/sessions';
import { toUser } from '../auth/users';
import type { AppDeps } from '../context';
import { PROBLEMS, problem, queryObject, validationProblem } from '../http/problem';

export function sessionRoutes(deps: AppDeps, options: AuthOptions) {
  const { store, localities } = deps;
  const app = new Hono<AuthEnv>();
  /** Verified against when the user name is unknown, so both failures take the same time. */
  let dummyHash: Promise<string> | null = null;

  const sessionBody = (p: Principal): Session => ({
    user: p.kind === 'user' ? toUser(p.user, localities) : null,
    display: p.kind === 'display' ? { id: p.link.id, label: p.link.label } : null,
    expiresAt: p.session.expiresAt,
    publicRead: options.publicRead,
  });

  /** Starts a session: ends the one the browser had (no fixation), stores the new one by its token's hash. */
  async function startSession(c: Context, owner: { userId: string } | { displayLinkId: string }, ttlMs: number) {
    const previous = await resolvePrincipal(c, store, options);
    if (previous.principal) await store.accounts.deleteSession(previous.principal.session.id);
    const info = requestInfo(c, options);
    const { token, session } = await issueSession(store.accounts, owner, ttlMs, options.now(), {
      ip: info.ip,
      userAgent: info.userAgent,
    });
    transportOf(c)?.write(token);
    return { session, cookie: sessionCookie(token, ttlMs, info.secure) };
  }

  const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
    });

  // Signed out is an answer, not an error: a public page or a wall screen asks this before anyone signs in. A
  // cookie that no longer opens a session (expired, ended, its user disabled) is a 401, and is cleared.
  app.get('/', (c) => {
    const p = principalOf(c);
    if (p) return json(sessionBody(p), 200);
    const transport = transportOf(c);
    if (transport ? transport.read() : getCookie(c, SESSION_COOKIE)) {
      transport?.write(null);
      return problem(
        {
          type: `${PROBLEMS}/unauthenticated`,
          title: 'Session ended',
          status: 401,
          detail: 'This session has ended (expired, signed out elsewhere, or the account changed): sign in again.',
          instance: new URL(c.req.url).pathname,
          publicRead: options.publicRead,
        },
        { 'Set-Cookie': sessionCookie('', 0, requestInfo(c, options).secure), 'Cache-Control': 'no-store' },
      );
    }
    const signedOut: Session = { user: null, display: null, expiresAt: null, publicRead: options.publicRead };
    return json(signedOut, 200);
  });

  app.post('/', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const parsed = SignInBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return validationProblem(parsed.error, instance, 'field');
    const username = parsed.data.username.trim().toLowerCase();
    const info = requestInfo(c, options);
    const keys = [`user:${username}`, `ip:${info.ip ?? 'unknown'}`];
    const limits = [options.limits.perAccount, options.limits.perAddress];
    const now = options.now();

    const counters = await Promise.all(keys.map((k) => store.accounts.readCounter(k, now)));
    const blockedUntil = Math.max(0, ...counters.map((ct, i) => (ct && ct.count >= (limits[i] ?? 0) ? ct.resetAt : 0)));
    if (blockedUntil > now) {
      const retryAfter = Math.max(1, Math.ceil((blockedUntil - now) / 1000));
      await audit(c, store, options, { action: 'session.sign_in_limited', after: { username } });
      return problem(
        {
          type: `${PROBLEMS}/too-many-attempts`,
          title: 'Too many failed sign-ins',
          status: 429,
          detail: `Too many failed sign-ins: try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
          instance,
          retryAfter,
        },
        { 'Retry-After': String(retryAfter) },
      );
    }

    const user = await store.accounts.findUser(username);
    dummyHash ??= options.passwords.hash('not the password of anyone');
    const valid = user
      ? await options.passwords.verify(parsed.data.password, user.passwordHash)
      : await options.passwords.verify(parsed.data.password, await dummyHash).then(() => false);
    if (!user || !valid || user.disabled) {
      await Promise.all(keys.map((k) => store.accounts.hitCounter(k, now, options.limits.windowMs)));
      await audit(c, store, options, {
        action: 'session.sign_in_failed',
        targetType: user ? 'user' : null,
        targetId: user?.id ?? null,
        after: { username },
      });
      return problem({
        type: `${PROBLEMS}/invalid-credentials`,
        title: 'Sign-in failed',
        status: 401,
        detail: 'Wrong user name or password.',
        instance,
      });
    }

    await store.accounts.clearCounter(keys[0] as string);
    const { session, cookie } = await startSession(c, { userId: user.id }, options.sessionTtlMs);
    const principal: Principal = { kind: 'user', user, session };
    c.set('principal', principal);
    await audit(c, store, options, { action: 'session.sign_in', targetType: 'user', targetId: user.id });
    return json(sessionBody(principal), 200, { 'Set-Cookie': cookie });
  });

  app.delete('/', async (c) => {
    const p = principalOf(c);
    if (p) {
      await store.accounts.deleteSession(p.session.id);
      if (p.kind === 'user') {
        await audit(c, store, options, { action: 'session.sign_out', targetType: 'user', targetId: p.user.id });
      }
    }
    transportOf(c)?.write(null);
    // 200 with a body rather than 204: every answer of this API is JSON.
    const body: SignedOut = { signedOut: true };
    return json(body, 200, { 'Set-Cookie': sessionCookie('', 0, requestInfo(c, options).secure) });
  });

  app.post('/display', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const parsed = DisplaySignIn.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return validationProblem(parsed.error, instance, 'field');
    const link = await store.accounts.findDisplayLinkByToken(await sha256Hex(parsed.data.token));
    if (!link || link.revokedAt) {
      return problem({
        type: `${PROBLEMS}/invalid-display-link`,
        title: 'Display link not valid',
        status: 401,
        detail: 'This display link does not exist or has been revoked.',
        instance,
      });
    }
    const { session, cookie } = await startSession(c, { displayLinkId: link.id }, options.displayTtlMs);
    await audit(c, store, options, { action: 'session.display', targetType: 'display_link', targetId: link.id });
    return json(sessionBody({ kind: 'display', link, session }), 200, { 'Set-Cookie': cookie });
  });

  app.get('/permissions', async (c) => {
    const url = new URL(c.req.url);
    const query = TaskPermissionsQuery.safeParse(queryObject(url));
    if (!query.success) return validationProblem(query.error, url.pathname);
    const id = query.data.task;
    const p = principalOf(c);
    const caller = callerOf(p);
    const patch = decide(permissionFor('PATCH', `/tasks/${id}`).permission, caller, options.publicRead);
    let update: 'allow' | 'scope' | 401 | 403 | 'outside' = decide(
      permissionFor('POST', `/tasks/${id}/updates`).permission,
      caller,
      options.publicRead,
    );
    if (update === 'scope' && p?.kind === 'user') {
      const task = await store.getTask(id);
      update = task && taskWithinUnit(task, p.user.unitCode ?? '', localities, deps.today()) ? 'allow' : 'outside';
    }
    const body: TaskPermissions = {
      taskId: id,
      patch: patch === 'allow',
      update: update === 'allow',
      reason: update === 'allow' ? null : update === 'outside' ? 'outside_unit' : p ? 'read_only' : 'signed_out',
    };
    return json(body, 200);
  });

  return app;
}

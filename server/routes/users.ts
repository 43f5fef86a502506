/**
 * `/users` (admin only, by the permission table): list, create, change. A new password or disabling a user ends
 * every session of theirs; the last active admin cannot be demoted or disabled. Every change is in the audit
 * trail with the fields before and after (never a password or its hash).
 */
import { Hono } from 'hono';
import { isCommonPassword } from '../../src/api/session-passwords';
import { type User, UserCreate, type UserList, UserPatch } from '../../src/api/session-schemas';
import { type AuthEnv, auditEntry } from '../auth/middleware';
import type { AuthOptions } from '../auth/options';
import { toUser, userRecord } from '../auth/users';
import type { AppDeps } from '../context';
import { fieldProblem, notFound, PROBLEMS, problem } from '../http/problem';
import type { StoredUser } from '../store/accounts';

const fieldError = (instance: string, name: string, reason: string, status = 400) =>
  problem({
    type: `${PROBLEMS}/${status === 409 ? 'conflict' : 'invalid-request'}`,
    title: status === 409 ? 'Conflict' : 'Invalid field',
    status,
    detail: `${name}: ${reason}`,
    instance,
    errors: [{ name, reason }],
  });

/** What the audit trail keeps of a user. */
const auditView = (u: StoredUser) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitCode: u.unitCode,
  disabled: u.disabled,
});

export function userRoutes(deps: AppDeps, options: AuthOptions) {
  const { store, localities } = deps;
  const app = new Hono<AuthEnv>();
  const unitExists = (code: string) => localities.resolve(code) !== undefined;
  const nowIso = () => new Date(options.now()).toISOString();

  app.get('/', async (c) => {
    const body: UserList = { items: (await store.accounts.listUsers()).map((u) => toUser(u, localities)) };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const parsed = UserCreate.safeParse(await c.req.json().catch(() => undefined), { reportInput: true });
    if (!parsed.success) return fieldProblem(parsed.error, instance);
    const input = parsed.data;
    if (isCommonPassword(input.password, input.username)) return fieldError(instance, 'password', 'password_common');
    if (input.unitCode && !unitExists(input.unitCode)) return fieldError(instance, 'unitCode', 'unknown_unit');
    const user = await userRecord(input, options.passwords, nowIso());
    // The user and its audit entry in one transaction.
    const inserted = await store.accounts.transaction(async (accounts) => {
      if ((await accounts.insertUser(user)) === 'duplicate') return false;
      await accounts.appendAudit(
        auditEntry(c, options, {
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          after: auditView(user),
        }),
      );
      return true;
    });
    if (!inserted) return fieldError(instance, 'username', 'username_taken', 409);
    const body: User = toUser(user, localities);
    return c.json(body, 201, { Location: `/api/v1/users/${user.id}` });
  });

  app.patch('/:id', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const id = c.req.param('id');
    const parsed = UserPatch.safeParse(await c.req.json().catch(() => undefined), { reportInput: true });
    if (!parsed.success) return fieldProblem(parsed.error, instance);
    const current = await store.accounts.getUser(id);
    if (!current) return notFound('User', id, instance);
    const input = parsed.data;
    const role = input.role ?? current.role;
    const unitCode = role === 'updater' ? (input.unitCode !== undefined ? input.unitCode : current.unitCode) : null;
    if (role === 'updater' && !unitCode) return fieldError(instance, 'unitCode', 'unit_required');
    if (unitCode && input.unitCode !== undefined && !unitExists(unitCode)) {
      return fieldError(instance, 'unitCode', 'unknown_unit');
    }
    const username = input.username ?? current.username;
    if (input.password !== undefined && isCommonPassword(input.password, username)) {
      return fieldError(instance, 'password', 'password_common');
    }
    const next: StoredUser = {
      ...current,
      username,
      displayName: input.displayName ?? current.displayName,
      role,
      unitCode,
      disabled: input.disabled ?? current.disabled,
      passwordHash: input.password !== undefined ? await options.passwords.hash(input.password) : current.passwordHash,
      updatedAt: nowIso(),
    };
    // Someone must stay able to manage users.
    if (current.role === 'admin' && !current.disabled && (next.role !== 'admin' || next.disabled)) {
      const admins = (await store.accounts.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
      if (admins.length <= 1) return fieldError(instance, 'role', 'last_admin', 409);
    }
    const passwordChanged = input.password !== undefined;
    // The change, the sessions it ends and its audit entry in one transaction.
    const outcome = await store.accounts.transaction(async (accounts) => {
      const updated = await accounts.updateUser(next);
      if (updated !== 'ok') return updated;
      const endedSessions =
        passwordChanged || (next.disabled && !current.disabled)
          ? await accounts.deleteSessionsOf({ userId: current.id })
          : 0;
      await accounts.appendAudit(
        auditEntry(c, options, {
          action: 'user.update',
          targetType: 'user',
          targetId: current.id,
          before: auditView(current),
          after: { ...auditView(next), ...(passwordChanged ? { passwordChanged: true } : {}), endedSessions },
        }),
      );
      return updated;
    });
    if (outcome === 'missing') return notFound('User', id, instance);
    if (outcome === 'duplicate') return fieldError(instance, 'username', 'username_taken', 409);
    const body: User = toUser(next, localities);
    return c.json(body, 200);
  });

  return app;
}

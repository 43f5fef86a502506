/** Issuing sessions: by a route after a sign-in, by the demo's "sign in as", and by tests that start signed in. */
import type { Role } from '../../src/api/session-schemas';
import type { AccountStore, StoredSession, StoredUser } from '../store/accounts';
import type { Store } from '../store/types';
import { randomToken, sha256Hex } from './crypto';
import { SESSION_COOKIE } from './middleware';

/** Stores a new session for a user or a display link; returns the cookie's token (only its hash is stored). */
export async function issueSession(
  accounts: AccountStore,
  owner: { userId: string } | { displayLinkId: string },
  ttlMs: number,
  nowMs: number,
  from: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
): Promise<{ token: string; session: StoredSession }> {
  const token = randomToken(32);
  const session: StoredSession = {
    id: await sha256Hex(token),
    userId: 'userId' in owner ? owner.userId : null,
    displayLinkId: 'displayLinkId' in owner ? owner.displayLinkId : null,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
    ...from,
  };
  await accounts.insertSession(session);
  return { token, session };
}

/**
 * A `Cookie` header for a session of a user with this role, created when missing (user name `test-<role>` or
 * `test-updater-<unit>`; no password can sign in as them). For tests and the demo's start-up.
 */
export async function cookieForRole(store: Store, role: Role, unitCode: string | null = null): Promise<string> {
  const username = role === 'updater' ? `test-updater-${unitCode ?? 'none'}` : `test-${role}`;
  let user: StoredUser | null = await store.accounts.findUser(username);
  if (!user) {
    const at = '2025-09-01T00:00:00.000Z';
    user = {
      id: `u-${username}`,
      username,
      displayName: `Người thử (${role})`,
      role,
      unitCode: role === 'updater' ? unitCode : null,
      disabled: false,
      passwordHash: 'none',
      createdAt: at,
      updatedAt: at,
    };
    await store.accounts.insertUser(user);
  }
  const { token } = await issueSession(store.accounts, { userId: user.id }, 24 * 60 * 60 * 1000, Date.now());
  return `${SESSION_COOKIE}=${token}`;
}

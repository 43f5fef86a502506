/**
 * The demo's accounts: the users of src/api/session-demo.ts in the memory store's accounts, and how the session
 * token travels in the page. A page's scripts may not send Cookie nor read Set-Cookie, so the token is kept by a
 * holder (sessionStorage in the browser, a variable in tests) and handed to the app as its env binding
 * (server/auth/middleware.ts, SessionTransport): the app's rules are the same as on the server.
 */
import { sha256Hex } from '../server/auth/crypto';
import type { SessionTransport } from '../server/auth/middleware';
import { pbkdf2Hasher } from '../server/auth/passwords';
import { issueSession } from '../server/auth/sessions';
import type { StoredSession } from '../server/store/accounts';
import { createMemoryAccounts, type MemoryAccounts } from '../server/store/memory-accounts';
import { DEMO_ACCOUNTS } from '../src/api/session-demo';
import type { Role } from '../src/api/session-schemas';

export interface DemoAccounts {
  readonly accounts: MemoryAccounts;
  readonly transport: SessionTransport;
  /** Resolves when the demo users exist. */
  readonly ready: Promise<void>;
  /** Starts a session as the demo user of this role (null: signed out). */
  signInAs(role: Role | null): Promise<void>;
  /** Whether the person signed out in this tab (then the demo does not sign them in again by itself). */
  signedOut(): boolean;
}

export const demoUserId = (username: string) => `u-demo-${username}`;
const DAY = 24 * 60 * 60 * 1000;

/**
 * `storage`: where the token (and, so a reload keeps it, the session) is kept; null keeps it in memory (tests).
 * `startAs`: the role the demo opens signed in as (admin by default; null: signed out).
 * Demo passwords are public, so they are hashed cheaply (10,000 PBKDF2 rounds) to start fast; users created in
 * the demo get the full cost.
 */
export function createDemoAccounts(
  storage: Storage | null = null,
  options: { key?: string; startAs?: Role | null } = {},
): DemoAccounts {
  const key = options.key ?? 'directive-tracker.demo.session';
  const startAs = options.startAs === undefined ? 'admin' : options.startAs;
  const accounts = createMemoryAccounts();
  let memory: string | null = null;
  const SIGNED_OUT = 'signed-out';
  const raw = () => {
    try {
      return storage ? storage.getItem(key) : memory;
    } catch {
      return null;
    }
  };
  const load = (): { token: string; session: StoredSession } | null => {
    try {
      const value = raw();
      return value && value !== SIGNED_OUT ? (JSON.parse(value) as { token: string; session: StoredSession }) : null;
    } catch {
      return null;
    }
  };
  const save = (value: { token: string; session: StoredSession | null } | null) => {
    const text = value ? JSON.stringify(value) : SIGNED_OUT;
    if (!storage) memory = text;
    else {
      try {
        storage.setItem(key, text);
      } catch {
        // Storage unavailable: the session lasts until the page is left.
      }
    }
  };
  let current: string | null = null;
  const transport: SessionTransport = {
    read: () => current,
    write(token) {
      current = token;
      if (!token) return save(null);
      // Keep the session too (the accounts live in memory), so a reload of the page finds it again.
      void sha256Hex(token).then(async (id) => save({ token, session: await accounts.getSession(id) }));
    },
  };

  const ready = (async () => {
    const hasher = pbkdf2Hasher(10_000);
    const at = '2025-09-01T00:00:00.000Z';
    for (const a of DEMO_ACCOUNTS) {
      await accounts.insertUser({
        id: demoUserId(a.username),
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        unitCode: a.unitCode,
        disabled: false,
        passwordHash: await hasher.hash(a.password),
        createdAt: at,
        updatedAt: at,
      });
    }
    const stored = load();
    if (stored?.session && (await accounts.getUser(stored.session.userId ?? ''))) {
      await accounts.insertSession(stored.session);
      current = stored.token;
    } else if (startAs && raw() !== SIGNED_OUT) {
      // The demo opens signed in (as its admin unless told otherwise), until the person signs out in this tab.
      await signIn(startAs);
    }
  })();

  async function signIn(role: Role | null) {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) return transport.write(null);
    const { token, session } = await issueSession(accounts, { userId: demoUserId(account.username) }, DAY, Date.now());
    current = token;
    save({ token, session });
  }

  return {
    accounts,
    transport,
    ready,
    signedOut: () => raw() === SIGNED_OUT,
    async signInAs(role) {
      await ready;
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      if (!account) return transport.write(null);
      const { token, session } = await issueSession(
        accounts,
        { userId: demoUserId(account.username) },
        DAY,
        Date.now(),
      );
      current = token;
      save({ token, session });
    },
  };
}

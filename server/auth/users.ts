/** Users as the API shows them, new user records, and the first admin of an empty database. */

import { isCommonPassword } from '../../src/api/session-passwords';
import type { Role, User } from '../../src/api/session-schemas';
import { NewPassword, Username } from '../../src/api/session-schemas';
import type { LocalityIndex } from '../../src/domain/localities';
import type { StoredUser } from '../store/accounts';
import type { Store } from '../store/types';
import { randomToken } from './crypto';
import type { PasswordHasher } from './passwords';

/** The public face of a stored user: never the password hash. */
export function toUser(u: StoredUser, localities: LocalityIndex): User {
  const unit = u.unitCode ? localities.resolve(u.unitCode) : undefined;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unit: u.unitCode ? { code: u.unitCode, name: unit?.name ?? u.unitCode } : null,
    disabled: u.disabled,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

export const newUserId = () => `u-${randomToken(9)}`;

export interface NewUserInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitCode?: string | null;
}

/** A stored user from a validated create body. */
export async function userRecord(
  input: NewUserInput,
  hasher: PasswordHasher,
  at: string,
  id = newUserId(),
): Promise<StoredUser> {
  return {
    id,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    unitCode: input.role === 'updater' ? (input.unitCode ?? null) : null,
    disabled: false,
    passwordHash: await hasher.hash(input.password),
    createdAt: at,
    updatedAt: at,
  };
}

export class FirstAdminError extends Error {}

/**
 * On an empty user table: the first admin, named ADMIN_USER, with ADMIN_PASSWORD or, without it, a random
 * password printed once. Returns the password it generated (null when none).
 */
export async function ensureFirstAdmin(
  store: Store,
  hasher: PasswordHasher,
  config: { username: string; password?: string | undefined },
  log: (message: string) => void,
  now = () => new Date().toISOString(),
): Promise<string | null> {
  if ((await store.accounts.countUsers()) > 0) return null;
  const username = Username.safeParse(config.username);
  if (!username.success) throw new FirstAdminError('ADMIN_USER: 3–40 characters of a–z, 0–9, ".", "_" or "-".');
  let password = config.password;
  let generated: string | null = null;
  if (password !== undefined) {
    const ok = NewPassword.safeParse(password);
    if (!ok.success || isCommonPassword(password, username.data)) {
      throw new FirstAdminError('ADMIN_PASSWORD: at least 12 characters, not a common password, not the user name.');
    }
  } else {
    password = randomToken(15);
    generated = password;
  }
  const at = now();
  const user = await userRecord(
    { username: username.data, password, displayName: 'Quản trị viên', role: 'admin' },
    hasher,
    at,
  );
  await store.accounts.transaction(async (accounts) => {
    await accounts.insertUser(user);
    await accounts.appendAudit({
      at,
      actorId: null,
      actorName: null,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      before: null,
      after: { username: user.username, role: user.role, firstAdmin: true },
      ip: null,
      userAgent: null,
    });
  });
  if (generated) {
    log(`created the first admin "${user.username}" with the password ${generated} (shown once: change it in /admin)`);
  } else {
    log(`created the first admin "${user.username}" with ADMIN_PASSWORD`);
  }
  return generated;
}

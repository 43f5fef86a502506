// @vitest-environment node
/**
 * The server process's part of accounts: the first admin from ADMIN_USER/ADMIN_PASSWORD (or a random password
 * printed once), a refused weak ADMIN_PASSWORD, scrypt hashes, security headers on every response, and an audit
 * table the database itself keeps append-only.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pbkdf2Hasher } from '../../server/auth/passwords';
import { scryptHasher } from '../../server/auth/passwords-node';
import { parseConfig } from '../../server/config';
import { createSite, openConfiguredStore } from '../../server/node';

const env = (extra: Record<string, string>) =>
  parseConfig({ DATABASE_URL: 'file::memory:', SAMPLE_DATA: '0', TODAY: '2026-11-26', ...extra });

describe('the server process', () => {
  it('creates the first admin from ADMIN_PASSWORD once, who can sign in; security headers are on every answer', async () => {
    const logs: string[] = [];
    const config = env({ ADMIN_USER: 'quantri', ADMIN_PASSWORD: 'một mật khẩu dài của tỉnh' });
    const store = await openConfiguredStore(config, (m) => logs.push(m));
    try {
      expect(logs.join('\n')).toMatch(/created the first admin "quantri" with ADMIN_PASSWORD/);
      expect(logs.join('\n')).not.toContain('một mật khẩu');
      const user = await store.accounts.findUser('quantri');
      expect(user).toMatchObject({ role: 'admin', disabled: false });
      expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      const site = createSite(store, config);
      const signIn = await site.request('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'quantri', password: 'một mật khẩu dài của tỉnh' }),
      });
      expect(signIn.status).toBe(200);
      for (const response of [signIn, await site.request('/api/v1/tasks'), await site.request('/api/v1/nope')]) {
        expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      }
      // The audit trail cannot be changed, even by SQL.
      await expect(sql`update audit_log set action = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    } finally {
      await store.close();
    }
  });

  it('prints a random password once when ADMIN_PASSWORD is unset, and refuses a weak one', async () => {
    const logs: string[] = [];
    const store = await openConfiguredStore(env({}), (m) => logs.push(m));
    await store.close();
    expect(logs.join('\n')).toMatch(/created the first admin "admin" with the password [\w-]{20}/);
    await expect(openConfiguredStore(env({ ADMIN_PASSWORD: 'password1234' }), () => {})).rejects.toThrow(
      /ADMIN_PASSWORD/,
    );
    expect(() => env({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('hashes with scrypt and verifies PBKDF2 hashes too; a wrong password fails', async () => {
    const scrypt = scryptHasher({ N: 1024, r: 8, p: 1 });
    const hash = await scrypt.hash('mật khẩu đủ dài');
    expect(await scrypt.verify('mật khẩu đủ dài', hash)).toBe(true);
    expect(await scrypt.verify('mật khẩu đủ dài!', hash)).toBe(false);
    const pbkdf2 = await pbkdf2Hasher(1000).hash('mật khẩu đủ dài');
    expect(await scrypt.verify('mật khẩu đủ dài', pbkdf2)).toBe(true);
    expect(await scrypt.verify('mật khẩu đủ dài', 'garbage')).toBe(false);
  });
});

// @vitest-environment node
/**
 * Accounts over HTTP on every store: sign-in and its cookie, sign-out, expiry (sliding), sessions ended by a new
 * password or a disabled account, the sign-in limits (429 + Retry-After, per account and per address), answers that
 * never tell whether a user name exists, password rules, the updater's unit across the 2025 reform, CSRF, display
 * links, and an audit entry for each kind of action — readable by an admin only, and append-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Task } from '../../src/api/schemas';
import { AuditPage, DisplayLinkCreated, Session, TaskPermissions, User } from '../../src/api/session-schemas';
import { type Harness, makeTask, openHarness, STORE_KINDS, TEST_TODAY } from './harness';

const PASSWORD = 'cầu Đình Khao 2022!';
const HOUR = 60 * 60 * 1000;

describe.each(STORE_KINDS)('accounts on the %s store', (kind) => {
  let h: Harness;
  let clock = Date.parse('2026-11-26T01:00:00Z');
  let address = 0;
  beforeAll(async () => {
    h = await openHarness(kind, { auth: { trustProxy: true, now: () => clock } });
    await h.addTasks([
      // Filed after the reform in xã Phú Phụng (28879), a successor of huyện Chợ Lách's communes.
      makeTask({ id: 'a-phu-phung', localityCodes: ['28879'], createdAt: '2025-10-01T08:00:00+07:00' }),
      // Hà Nội: outside Vĩnh Long in every era.
      makeTask({ id: 'a-ha-noi', localityCodes: ['01'] }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Each test signs in from its own address, so the per-address limit of one never touches another. */
  const from = () => ({ 'X-Forwarded-For': `10.0.0.${++address}` });
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  /** Who a cookie signs in; null when it no longer opens a session (a 401 that clears the cookie). */
  async function whoIs(cookie: string) {
    const response = await h.request('/session', { headers: { Cookie: cookie } });
    if (response.status === 200) return Session.parse(await response.json()).user?.username ?? '(nobody)';
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/^dt_session=;.*Max-Age=0/);
    return null;
  }

  async function createUser(username: string, role: string, unitCode?: string) {
    const response = await h.request(
      '/users',
      json('POST', { username, password: PASSWORD, displayName: `Cán bộ ${username}`, role, unitCode }),
    );
    expect(response.status).toBe(201);
    return User.parse(await response.json());
  }
  async function signIn(username: string, password = PASSWORD, headers: Record<string, string> = from()) {
    return h.request('/session', json('POST', { username, password }, { Cookie: 'none=1', ...headers }));
  }
  async function audit(query: string) {
    const response = await h.request(`/audit?${query}`);
    expect(response.status).toBe(200);
    return AuditPage.parse(await response.json());
  }
  const update = (taskId: string, cookie: string, headers: Record<string, string> = {}) =>
    h.request(`/tasks/${taskId}`).then(async (r) => {
      const task = Task.parse(await r.json());
      return h.request(
        `/tasks/${taskId}/updates`,
        json(
          'POST',
          {
            status: 'in_progress',
            progress: Math.min(99, task.progress + 1),
            note: 'Tiến độ',
            date: TEST_TODAY,
            author: 'Ai đó',
          },
          { Cookie: cookie, 'If-Match': `"${task.version}"`, ...headers },
        ),
      );
    });

  it('signs in with a session cookie (HttpOnly, SameSite=Lax; Secure over HTTPS), reads it back, and signs out', async () => {
    const user = await createUser('nguyenvana', 'viewer');
    const response = await signIn('NguyenVanA');
    expect(response.status).toBe(200);
    const session = Session.parse(await response.json());
    expect(session.user?.id).toBe(user.id);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dt_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const overHttps = await signIn('nguyenvana', PASSWORD, { ...from(), 'X-Forwarded-Proto': 'https' });
    expect(overHttps.headers.get('set-cookie')).toMatch(/; Secure/);

    const cookie = cookieOf(response);
    const me = await h.request('/session', { headers: { Cookie: cookie } });
    expect(Session.parse(await me.json()).user?.username).toBe('nguyenvana');
    const out = await h.request('/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await whoIs(cookie)).toBeNull();
    // Without a session cookie, "who is signed in" is answered, not refused (a public page asks it on every load).
    const nobody = await h.request('/session', { headers: { Cookie: 'none=1' } });
    expect(nobody.status).toBe(200);
    expect(Session.parse(await nobody.json())).toEqual({
      user: null,
      display: null,
      expiresAt: null,
      publicRead: false,
    });
    expect((await h.request('/tasks', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('ends a session after its time without use, and extends one in use (sliding)', async () => {
    await createUser('hethan', 'viewer');
    const start = clock;
    const cookie = cookieOf(await signIn('hethan'));
    clock = start + 7 * HOUR; // past half of the 12 hours: extended, and the cookie sent again
    const renewed = await h.request('/tasks?pageSize=1', { headers: { Cookie: cookie } });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('set-cookie')).toMatch(/^dt_session=/);
    clock = start + 13 * HOUR; // past the first expiry, within the extended one
    expect(await whoIs(cookie)).toBe('hethan');
    clock = start + 13 * HOUR + 12 * HOUR + 1;
    expect(await whoIs(cookie)).toBeNull();
    clock = start;
  });

  it('ends every session of a user whose password changes or who is disabled; a disabled user cannot sign in', async () => {
    const user = await createUser('doimatkhau', 'editor');
    const a = cookieOf(await signIn('doimatkhau'));
    const b = cookieOf(await signIn('doimatkhau'));
    const changed = await h.request(`/users/${user.id}`, json('PATCH', { password: 'một mật khẩu mới dài 2026' }));
    expect(changed.status).toBe(200);
    for (const c of [a, b]) expect(await whoIs(c)).toBeNull();
    expect((await signIn('doimatkhau', 'một mật khẩu mới dài 2026')).status).toBe(200);

    const c = cookieOf(await signIn('doimatkhau', 'một mật khẩu mới dài 2026'));
    expect((await h.request(`/users/${user.id}`, json('PATCH', { disabled: true }))).status).toBe(200);
    expect(await whoIs(c)).toBeNull();
    expect((await signIn('doimatkhau', 'một mật khẩu mới dài 2026')).status).toBe(401);
  });

  it('answers a wrong password and an unknown user name alike, and limits both: 429 with Retry-After', async () => {
    await createUser('tranthib', 'viewer');
    const ip = from();
    const wrong = await signIn('tranthib', 'not her password', ip);
    const unknown = await signIn('khongcoai', 'not her password', ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(await wrong.json())).toEqual(strip(await unknown.json()));
    // Five failures per account within the window; the sixth attempt is refused, even with the right password.
    for (let i = 0; i < 4; i += 1) expect((await signIn('tranthib', 'wrong again', from())).status).toBe(401);
    for (let i = 0; i < 4; i += 1) expect((await signIn('khongcoai', 'wrong again', from())).status).toBe(401);
    for (const name of ['tranthib', 'khongcoai']) {
      const limited = await signIn(name, PASSWORD, from());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // After the window, the right password works again.
    clock += 16 * 60 * 1000;
    expect((await signIn('tranthib', PASSWORD, from())).status).toBe(200);
  });

  it('limits one address trying many user names', async () => {
    const ip = from();
    for (let i = 0; i < 20; i += 1) expect((await signIn(`ai-do-${i}`, 'đoán mò mật khẩu', ip)).status).toBe(401);
    const limited = await signIn('ai-do-khac', 'đoán mò mật khẩu', ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('refuses short and common passwords, and a password holding the user name', async () => {
    const reasons = async (username: string, password: string) => {
      const r = await h.request('/users', json('POST', { username, password, displayName: 'X', role: 'viewer' }));
      expect(r.status).toBe(400);
      return ((await r.json()) as { errors: { name: string; reason: string }[] }).errors.map((e) => e.reason);
    };
    expect(await reasons('ngan', 'ngắn quá')).toContain('too_small');
    expect(await reasons('pho-bien', 'matkhau123456')).toContain('password_common');
    expect(await reasons('pho-bien', 'qwertyuiop12')).toContain('password_common');
    expect(await reasons('lethic', 'lethic-2026-ab')).toContain('password_common');
    const updaterWithoutUnit = await h.request(
      '/users',
      json('POST', { username: 'khongdonvi', password: PASSWORD, displayName: 'X', role: 'updater' }),
    );
    expect(updaterWithoutUnit.status).toBe(400);
  });

  it('keeps the last active admin: it cannot be demoted or disabled', async () => {
    const users = (await (await h.request('/users')).json()) as { items: { id: string; role: string }[] };
    const admins = users.items.filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(1);
    const r = await h.request(`/users/${admins[0]?.id}`, json('PATCH', { role: 'viewer' }));
    expect(r.status).toBe(409);
  });

  it('lets an updater change the tasks of their unit across the 2025 reform, and no other', async () => {
    // Vĩnh Long (86, today): the 2022 tasks of huyện Chợ Lách (Bến Tre then) and a 2025 task of xã Phú Phụng.
    const vinhLong = await h.cookieFor('updater', '86');
    expect((await update('t-000-01', vinhLong)).status).toBe(201);
    // The history names the signed-in updater, not the "Ai đó" the body claimed.
    const history = (await (await h.request('/tasks/t-000-01/updates')).json()) as { items: { author: string }[] };
    expect(history.items.at(-1)?.author).toBe('Người thử (updater)');
    expect((await update('a-phu-phung', vinhLong)).status).toBe(201);
    const outside = await update('a-ha-noi', vinhLong);
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { reason: string }).reason).toBe('outside_unit');
    // huyện Chợ Lách (832, before the reform) holds xã Phú Phụng, filed after it.
    const choLach = await h.cookieFor('updater', '832');
    expect((await update('a-phu-phung', choLach)).status).toBe(201);
    expect((await update('a-ha-noi', choLach)).status).toBe(403);
    // Hà Nội (01) holds none of Vĩnh Long's.
    const haNoi = await h.cookieFor('updater', '01');
    expect((await update('t-000-01', haNoi)).status).toBe(403);
    expect((await update('a-ha-noi', haNoi)).status).toBe(201);
    // An updater never patches (status, deadline, assignee): that is an editor's.
    const patch = await h.request(
      '/tasks/t-000-01',
      json('PATCH', { note: 'x', date: TEST_TODAY }, { Cookie: vinhLong, 'If-Match': '"1"' }),
    );
    expect(patch.status).toBe(403);
    // What the interface asks before offering the form.
    const can = async (id: string, cookie: string) =>
      TaskPermissions.parse(
        await (await h.request(`/session/permissions?task=${id}`, { headers: { Cookie: cookie } })).json(),
      );
    expect(await can('a-ha-noi', vinhLong)).toMatchObject({ update: false, patch: false, reason: 'outside_unit' });
    expect(await can('t-000-01', vinhLong)).toMatchObject({ update: true, patch: false, reason: null });
    expect(await can('t-000-01', await h.cookieFor('viewer'))).toMatchObject({ update: false, reason: 'read_only' });
    expect(await can('t-000-01', 'none=1')).toMatchObject({ update: false, reason: 'signed_out' });
  });

  it('refuses writes sent from another site (Origin, Sec-Fetch-Site), also a sign-in', async () => {
    const editor = await h.cookieFor('editor');
    const evil = await update('a-ha-noi', editor, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { reason: string }).reason).toBe('cross_site');
    expect((await update('a-ha-noi', editor, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await update('a-ha-noi', editor, { Origin: 'null' })).status).toBe(403);
    expect(
      (await update('a-ha-noi', editor, { Origin: 'http://test.local', 'Sec-Fetch-Site': 'same-origin' })).status,
    ).toBe(201);
    expect((await signIn('nguyenvana', PASSWORD, { ...from(), Origin: 'https://evil.example' })).status).toBe(403);
    // A read from another site is not a change: allowed (CORS decides what the other site may see).
    expect((await h.request('/tasks?pageSize=1', { headers: { Origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('gives a wall screen a read-only display session that ends when its link is revoked', async () => {
    const created = await h.request('/display-links', json('POST', { label: 'Màn hình phòng họp' }));
    expect(created.status).toBe(201);
    const link = DisplayLinkCreated.parse(await created.json());
    expect(link.path).toBe(`/present?display=${link.token}`);
    const exchange = await h.request('/session/display', json('POST', { token: link.token }, { Cookie: 'none=1' }));
    expect(exchange.status).toBe(200);
    expect(Session.parse(await exchange.json())).toMatchObject({
      user: null,
      display: { label: 'Màn hình phòng họp' },
    });
    const screen = cookieOf(exchange);
    expect((await h.request('/stats', { headers: { Cookie: screen } })).status).toBe(200);
    expect((await update('t-000-02', screen)).status).toBe(403);
    expect((await h.request(`/display-links/${link.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await h.request('/stats', { headers: { Cookie: screen } })).status).toBe(401);
    const again = await h.request('/session/display', json('POST', { token: link.token }, { Cookie: 'none=1' }));
    expect(again.status).toBe(401);
    const listed = (await (await h.request('/display-links')).json()) as { items: Record<string, unknown>[] };
    expect(listed.items.find((l) => l.id === link.id)).toMatchObject({ revokedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(link.token);
  });

  it('writes an audit entry for each kind of action, filterable, newest first; only an admin reads it', async () => {
    const user = await createUser('kiemtra', 'updater', '86');
    const cookie = cookieOf(await signIn('kiemtra'));
    await signIn('kiemtra', 'sai mật khẩu rồi');
    expect((await update('t-000-03', cookie, from())).status).toBe(201);
    await h.request(`/users/${user.id}`, json('PATCH', { role: 'viewer' }));
    await h.request('/session', { method: 'DELETE', headers: { Cookie: cookieOf(await signIn('kiemtra')) } });

    const mine = await audit(`user=${user.id}`);
    const actions = mine.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['session.sign_in', 'task.update', 'session.sign_out']));
    expect(mine.items[0]?.id).toBeGreaterThan(mine.items.at(-1)?.id ?? 0);
    const taskEntry = mine.items.find((e) => e.action === 'task.update');
    expect(taskEntry).toMatchObject({
      actor: { username: 'kiemtra' },
      target: { type: 'task', id: 't-000-03' },
      ip: expect.stringMatching(/^10\.0\.0\./),
    });
    expect(taskEntry?.before).toMatchObject({ progress: expect.any(Number) });
    expect(taskEntry?.after).toMatchObject({ note: 'Tiến độ' });

    const roleChange = (await audit('action=user.update')).items.find((e) => e.target?.id === user.id);
    expect(roleChange).toMatchObject({
      before: { role: 'updater', unitCode: '86' },
      after: { role: 'viewer', unitCode: null },
    });
    const failed = (await audit('action=session.sign_in_failed')).items;
    expect(failed.some((e) => (e.after as { username?: string }).username === 'kiemtra')).toBe(true);
    expect((await audit('action=session.sign_in_limited')).total).toBeGreaterThan(0);
    expect((await audit('action=user.create')).total).toBeGreaterThan(0);
    expect((await audit('action=display_link.create')).total).toBeGreaterThan(0);
    expect((await audit('action=display_link.revoke')).total).toBeGreaterThan(0);
    expect((await audit('action=session.display')).total).toBeGreaterThan(0);
    expect((await audit('task=t-000-03')).items.every((e) => e.target?.id === 't-000-03')).toBe(true);
    const paged = await audit('pageSize=2&page=2');
    expect(paged.items).toHaveLength(2);
    expect((await audit('from=2026-11-26&to=2026-11-26')).total).toBeGreaterThan(0);
    expect((await audit('to=2020-01-01')).total).toBe(0);
    expect((await h.request('/audit?action=nope')).status).toBe(400);

    // Patching and adding articles are audited too.
    const patched = await h.request('/tasks/a-ha-noi', { method: 'GET' }).then(async (r) => {
      const t = Task.parse(await r.json());
      return h.request(
        `/tasks/${t.id}`,
        json('PATCH', { assignee: 'Sở Xây dựng', date: TEST_TODAY }, { 'If-Match': `"${t.version}"` }),
      );
    });
    expect(patched.status).toBe(200);
    expect((await audit('action=task.patch&task=a-ha-noi')).items[0]?.after).toMatchObject({ assignee: 'Sở Xây dựng' });

    // Only an admin reads it; nothing changes or deletes it.
    expect((await h.request('/audit', { headers: { Cookie: await h.cookieFor('editor') } })).status).toBe(403);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect((await h.request('/audit', { method })).status).toBe(404);
      expect((await h.request('/audit/1', { method })).status).toBe(404);
    }
  });
});

// @vitest-environment node
/**
 * Every row of the permission table (server/auth/permissions.ts) called by every kind of caller — nobody, a wall
 * screen's display link, viewer, updater (inside their unit), editor, admin — on every store. The expected answer
 * comes from the table, never written out here: a denied call gets exactly 401 (no session) or 403, an allowed one
 * anything else (400, 404, 428: the route ran). The bodies are malformed on purpose: permission comes before the
 * body is read, so a viewer's malformed write is a 403, not a 400. With PUBLIC_READ, reads open to anyone and
 * writes stay closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, decide, PERMISSIONS, type Permission } from '../../server/auth/permissions';
import { ROLES } from '../../src/api/session-schemas';
import { type Harness, openHarness, STORE_KINDS } from './harness';

/** A seed task of huyện Chợ Lách (2022), inside today's Vĩnh Long (86): the updater's unit below. */
const TASK = 't-000-01';
const UNIT = '86';

type CallerName = 'anonymous' | 'display' | (typeof ROLES)[number];
const CALLERS: CallerName[] = ['anonymous', 'display', ...ROLES];
const callerOf = (name: CallerName): Caller =>
  name === 'anonymous' ? null : name === 'display' ? { kind: 'display' } : { kind: 'user', role: name };

const isWrite = (p: Permission) => p.method !== 'GET';

describe.each(STORE_KINDS)('the permission table on the %s store', (kind) => {
  for (const publicRead of [false, true]) {
    describe(publicRead ? 'with PUBLIC_READ=1' : 'by default', () => {
      let h: Harness;
      let linkId = '';
      beforeAll(async () => {
        h = await openHarness(kind, { as: null, auth: { publicRead } });
        const admin = await h.cookieFor('admin');
        const created = await h.request('/display-links', {
          method: 'POST',
          headers: { Cookie: admin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ label: 'Matrix' }),
        });
        linkId = ((await created.json()) as { id: string }).id;
      }, 60_000);
      afterAll(async () => {
        await h?.close();
      });

      /** A fresh session per call: a call may sign its caller out (DELETE /session) or revoke the link. */
      async function cookieOf(name: CallerName): Promise<string | null> {
        if (name === 'anonymous') return null;
        if (name === 'updater') return h.cookieFor('updater', UNIT);
        if (name !== 'display') return h.cookieFor(name);
        const admin = await h.cookieFor('admin');
        const link = (await (
          await h.request('/display-links', {
            method: 'POST',
            headers: { Cookie: admin, 'Content-Type': 'application/json' },
            body: JSON.stringify({ label: 'Screen' }),
          })
        ).json()) as { token: string };
        const session = await h.request('/session/display', {
          method: 'POST',
          headers: { Cookie: 'none=1', 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: link.token }),
        });
        return (session.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
      }

      const pathOf = (p: Permission) =>
        p.path
          .replace('/tasks/:id', `/tasks/${TASK}`)
          .replace('/users/:id', '/users/u-test-viewer')
          .replace('/display-links/:id', `/display-links/${linkId}`);

      it.each(PERMISSIONS.map((p) => [`${p.method} ${p.path}`, p] as const))('%s', async (_name, permission) => {
        for (const caller of CALLERS) {
          const cookie = await cookieOf(caller);
          const response = await h.request(pathOf(permission), {
            method: permission.method,
            headers: {
              // The harness signs requests in as an admin unless they carry a cookie: this one never does so.
              Cookie: cookie ?? 'none=1',
              ...(isWrite(permission) ? { 'Content-Type': 'application/json', 'If-Match': '"1"' } : {}),
            },
            ...(isWrite(permission) ? { body: '{not json' } : {}),
          });
          const expected = decide(permission, callerOf(caller), publicRead);
          const what = `${permission.method} ${permission.path} as ${caller}`;
          if (permission.method === 'GET' && permission.path === '/session') {
            // Open to anyone; its answer to nobody is "signed out" (200, no user), to everyone else who they are.
            expect(response.status, what).toBe(200);
          } else if (expected === 401 || expected === 403) {
            expect(response.status, what).toBe(expected);
          } else {
            expect([401, 403], `${what} (got ${response.status})`).not.toContain(response.status);
          }
        }
      });

      it('closes a route no row names: a read needs a session, a write an admin', async () => {
        const anonymous = await h.request('/no-such-thing', { headers: { Cookie: 'none=1' } });
        expect(anonymous.status).toBe(publicRead ? 404 : 401);
        for (const role of ['viewer', 'editor'] as const) {
          const write = await h.request('/no-such-thing', {
            method: 'POST',
            headers: { Cookie: await h.cookieFor(role) },
          });
          expect(write.status).toBe(403);
        }
        const admin = await h.request('/no-such-thing', {
          method: 'POST',
          headers: { Cookie: await h.cookieFor('admin') },
        });
        expect(admin.status).toBe(404);
      });
    });
  }
});

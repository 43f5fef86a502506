/**
 * `/display-links` (admin only): read-only, revocable links for wall screens. A link opens `/present` with its
 * token; the screen exchanges it for a display session (`POST /session/display`) that can read and nothing else.
 * Only the token's hash is stored: the token is shown once, when the link is created. Revoking ends the screens'
 * sessions at once.
 */
import { Hono } from 'hono';
import {
  type DisplayLink,
  DisplayLinkCreate,
  type DisplayLinkCreated,
  type DisplayLinkList,
} from '../../src/api/session-schemas';
import { randomToken, sha256Hex } from '../auth/crypto';
import { type AuthEnv, auditEntry, principalOf } from '../auth/middleware';
import type { AuthOptions } from '../auth/options';
import type { AppDeps } from '../context';
import { fieldProblem, notFound } from '../http/problem';
import type { StoredDisplayLink } from '../store/accounts';

const toLink = ({ tokenHash: _hash, ...link }: StoredDisplayLink): DisplayLink => link;

export function displayLinkRoutes(deps: AppDeps, options: AuthOptions) {
  const { store } = deps;
  const app = new Hono<AuthEnv>();

  app.get('/', async (c) => {
    const body: DisplayLinkList = { items: (await store.accounts.listDisplayLinks()).map(toLink) };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/', async (c) => {
    const instance = new URL(c.req.url).pathname;
    const parsed = DisplayLinkCreate.safeParse(await c.req.json().catch(() => undefined), { reportInput: true });
    if (!parsed.success) return fieldProblem(parsed.error, instance);
    const p = principalOf(c);
    const token = randomToken(32);
    const link: StoredDisplayLink = {
      id: `d-${randomToken(9)}`,
      label: parsed.data.label,
      tokenHash: await sha256Hex(token),
      createdAt: new Date(options.now()).toISOString(),
      createdBy: p?.kind === 'user' ? p.user.username : '',
      revokedAt: null,
    };
    await store.accounts.transaction(async (accounts) => {
      await accounts.insertDisplayLink(link);
      await accounts.appendAudit(
        auditEntry(c, options, {
          action: 'display_link.create',
          targetType: 'display_link',
          targetId: link.id,
          after: { label: link.label },
        }),
      );
    });
    const body: DisplayLinkCreated = {
      ...toLink(link),
      token,
      path: `/present?display=${encodeURIComponent(token)}`,
    };
    return c.json(body, 201, { 'Cache-Control': 'no-store' });
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const before = await store.accounts.getDisplayLink(id);
    if (!before) return notFound('Display link', id, new URL(c.req.url).pathname);
    const link = await store.accounts.transaction(async (accounts) => {
      const revoked = await accounts.revokeDisplayLink(id, new Date(options.now()).toISOString());
      const endedSessions = await accounts.deleteSessionsOf({ displayLinkId: id });
      if (!before.revokedAt) {
        await accounts.appendAudit(
          auditEntry(c, options, {
            action: 'display_link.revoke',
            targetType: 'display_link',
            targetId: id,
            before: { label: before.label, revokedAt: null },
            after: { label: before.label, revokedAt: revoked?.revokedAt ?? null, endedSessions },
          }),
        );
      }
      return revoked;
    });
    return c.json(toLink(link ?? before), 200);
  });

  return app;
}

/**
 * `GET /audit` (admin only): the audit trail, newest first, filtered by the acting user, the task, the action and
 * the days (Vietnam time), paged. There is no route that changes or deletes an entry.
 */
import { Hono } from 'hono';
import { AuditPage, AuditQuery } from '../../src/api/session-schemas';
import type { AuthEnv } from '../auth/middleware';
import type { AppDeps } from '../context';
import { queryObject, validationProblem } from '../http/problem';

export function auditRoutes({ store }: AppDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const parsed = AuditQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    const { from, to, ...rest } = parsed.data;
    const { items, total } = await store.accounts.listAudit({
      ...rest,
      fromAt: from ? new Date(`${from}T00:00:00+07:00`).toISOString() : undefined,
      toAt: to ? new Date(`${to}T23:59:59.999+07:00`).toISOString() : undefined,
    });
    const body: AuditPage = { items, total, page: rest.page, pageSize: rest.pageSize };
    return c.json(AuditPage.parse(body), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}

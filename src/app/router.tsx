import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  type RouterHistory,
  useNavigate,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Era } from '../api/schemas';
import { OverviewPage } from '../features/dashboard/components/overview-page';
import { Layout } from './layout';
import { RouteError } from './route-error';

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.backHome')}</Link>
    </div>
  );
}

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound, errorComponent: RouteError });

/** The overview's URL state; a malformed value is dropped rather than failing the page. */
const OverviewSearch = z.object({ era: Era.optional().catch(undefined) });

const NO_FILTERS = {};

function OverviewRoute() {
  const search = overviewRoute.useSearch();
  const navigate = useNavigate({ from: '/' });
  return (
    <OverviewPage
      filters={NO_FILTERS}
      era={search.era ?? 'post2025'}
      onEraChange={(era) =>
        void navigate({ search: (prev) => ({ ...prev, era: era === 'post2025' ? undefined : era }) })
      }
    />
  );
}

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: OverviewSearch,
  component: OverviewRoute,
});

const routeTree = rootRoute.addChildren([overviewRoute]);

export function createAppRouter(options: { history?: RouterHistory } = {}) {
  return createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true, ...options });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  lazyRouteComponent,
  type RouterHistory,
  useLocation,
  useNavigate,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../api/constants';
import { PresentationSearch, resolveSettings, settingsToSearch } from '../features/presentation/utils/settings';
import { withMessages } from '../i18n/i18n';
import {
  ArticleListPage,
  ArticlesRoute,
  ComparePage,
  CompareRoute,
  OverviewRoute,
  TasksPage,
  TasksRoute,
} from './filter-routes';
import { Layout } from './layout';
import { RouteError } from './route-error';
import {
  FilterSearch,
  filtersToSearch,
  parseSearch,
  readFields,
  searchToFilters,
  stringifySearch,
  validateArticlesSearch,
  validateCompareSearch,
  validateFilterSearch,
  validateTasksSearch,
  wholeNumber,
} from './search';

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

// ---- The screens with the filter bar (issue 3): the filters live in the URL (src/app/search.ts).
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: validateFilterSearch,
  component: OverviewRoute,
});

const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tasks',
  validateSearch: validateTasksSearch,
  loader: () => TasksPage.preload?.(),
  component: TasksRoute,
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  validateSearch: validateCompareSearch,
  loader: () => ComparePage.preload?.(),
  component: CompareRoute,
});

// ---- /present: the presentation mode (issue 6). Its code loads on demand; the layout renders it bare.
const PresentationPage = lazyRouteComponent(
  withMessages(() => import('../features/presentation/components/presentation-page')),
  'PresentationPage',
);

/** The shared filters and the show's settings; each malformed value is dropped on its own, never the page. */
function validatePresentSearch(raw: Record<string, unknown>) {
  return { ...FilterSearch.parse(raw), ...PresentationSearch.parse(raw) };
}

function PresentRoute() {
  const search = presentRoute.useSearch();
  const navigate = useNavigate({ from: '/present' });
  const filters = searchToFilters(search);
  return (
    <PresentationPage
      filters={{ ...filters, era: filters.era ?? 'post2025' }}
      settings={resolveSettings(search)}
      onSettingsChange={(next) =>
        void navigate({ search: (prev) => ({ ...prev, ...settingsToSearch(next) }), replace: true })
      }
      onExit={() => void navigate({ to: '/', search: filtersToSearch(filters) })}
    />
  );
}

const presentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/present',
  validateSearch: validatePresentSearch,
  staticData: { bare: true },
  loader: () => PresentationPage.preload?.(),
  component: PresentRoute,
});

// ---- Task lifecycle (issue 4): task page, articles, deadlines panel, settings. Code loads on demand.
const TaskPage = lazyRouteComponent(
  withMessages(() => import('../features/task-detail/components/task-page')),
  'TaskPage',
);
const ArticlePage = lazyRouteComponent(
  withMessages(() => import('../features/articles/components/article-page')),
  'ArticlePage',
);
const DeadlinesPage = lazyRouteComponent(
  withMessages(() => import('../features/deadlines/components/deadlines-page')),
  'DeadlinesPage',
);
const SettingsPage = lazyRouteComponent(
  withMessages(() => import('../features/settings/components/settings-page')),
  'SettingsPage',
);

function TaskRoute() {
  const { taskId } = taskRoute.useParams();
  return <TaskPage taskId={taskId} />;
}
const taskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tasks/$taskId',
  loader: () => TaskPage.preload?.(),
  component: TaskRoute,
});

const articleListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/articles',
  validateSearch: validateArticlesSearch,
  loader: () => ArticleListPage.preload?.(),
  component: ArticlesRoute,
});

function ArticleRoute() {
  const { articleId } = articleRoute.useParams();
  // "#task-<id>" (a link from a task page) brings that task's directive into view.
  const hash = useLocation({ select: (l) => l.hash });
  const focusTaskId = hash.startsWith('task-') ? hash.slice('task-'.length) : undefined;
  return <ArticlePage articleId={articleId} focusTaskId={focusTaskId} />;
}
const articleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/articles/$articleId',
  loader: () => ArticlePage.preload?.(),
  component: ArticleRoute,
});

// ---- Adding articles (issue 5): one with review, or many at once. Code (and the extractor) loads on demand.
const NewArticlePage = lazyRouteComponent(
  withMessages(() => import('../features/article-import/components/new-article-page')),
  'NewArticlePage',
);
const BulkImportPage = lazyRouteComponent(
  withMessages(() => import('../features/article-import/components/bulk-import-page')),
  'BulkImportPage',
);
const newArticleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/articles/new',
  loader: () => NewArticlePage.preload?.(),
  component: NewArticlePage,
});
const bulkImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/articles/import',
  loader: () => BulkImportPage.preload?.(),
  component: BulkImportPage,
});

const DeadlinesSearch = readFields({
  within: (v): 7 | 30 | undefined => {
    const n = wholeNumber(7, 30)(v);
    return n === 7 || n === 30 ? n : undefined;
  },
});
function DeadlinesRoute() {
  const search = deadlinesRoute.useSearch();
  const navigate = useNavigate({ from: '/deadlines' });
  return (
    <DeadlinesPage
      within={search.within ?? 30}
      onWithinChange={(within) => void navigate({ search: { within: within === 30 ? undefined : within } })}
    />
  );
}
const deadlinesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deadlines',
  validateSearch: DeadlinesSearch,
  loader: () => DeadlinesPage.preload?.(),
  component: DeadlinesRoute,
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  loader: () => SettingsPage.preload?.(),
  component: SettingsPage,
});

// ---- Accounts (issue 14): signing in, and the administrators' page. Code loads on demand.
const SignInPage = lazyRouteComponent(
  withMessages(() => import('../features/sign-in/components/sign-in-page')),
  'SignInPage',
);
const AdminPage = lazyRouteComponent(
  withMessages(() => import('../features/admin/components/admin-page')),
  'AdminPage',
);

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: readFields({ redirect: (v) => (typeof v === 'string' && v.length <= 2000 ? v : undefined) }),
  loader: () => SignInPage.preload?.(),
  component: function SignInRoute() {
    return <SignInPage redirect={signInRoute.useSearch().redirect} />;
  },
});

const ADMIN_TABS = ['users', 'links', 'audit'] as const;
const AdminSearch = readFields({ tab: (v) => (isOneOf(ADMIN_TABS, v) ? v : undefined) });
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  validateSearch: AdminSearch,
  loader: () => AdminPage.preload?.(),
  component: function AdminRoute() {
    const navigate = useNavigate({ from: '/admin' });
    return (
      <AdminPage
        tab={adminRoute.useSearch().tab ?? 'users'}
        onTabChange={(tab) => void navigate({ search: { tab: tab === 'users' ? undefined : tab }, replace: true })}
      />
    );
  },
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  tasksRoute,
  compareRoute,
  presentRoute,
  taskRoute,
  articleListRoute,
  articleRoute,
  newArticleRoute,
  bulkImportRoute,
  deadlinesRoute,
  settingsRoute,
  signInRoute,
  adminRoute,
]);

/**
 * `scroll: false` turns off both scroll restoration and the scroll to the top after a navigation (a function that
 * returns false skips the router's whole scroll step). It is for jsdom (tests/render.tsx), which has no layout and
 * cannot scroll; the browser and the end-to-end tests keep scrolling on.
 */
export function createAppRouter({ scroll = true, ...options }: { history?: RouterHistory; scroll?: boolean } = {}) {
  return createRouter({
    routeTree,
    defaultPreload: 'intent',
    scrollRestoration: scroll ? true : () => false,
    // Filter params as plain repeated values (`status=done&status=paused`), like the API's query (src/app/search.ts).
    parseSearch,
    stringifySearch,
    ...options,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

declare module '@tanstack/router-core' {
  interface StaticDataRouteOption {
    /** Rendered without the app's header and footer (full-bleed, e.g. the presentation). */
    bare?: boolean;
  }
}

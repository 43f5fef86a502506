import { HttpResponse, http } from 'msw';
import { z } from 'zod';
import { validationProblem } from '../../server/http/problem';
import { DATASETS } from '../db';
import type { MockPersistence } from '../persistence';
import { SCENARIOS, type Scenario } from '../scenarios';
import type { DbStore } from '../store';

/**
 * The OpenAPI document, and the mock's own control endpoint `/api/v1/_mock` (not part of the contract: a real
 * server answers 404 there, and the app then hides the demo controls).
 */
export function metaHandlers(
  store: DbStore,
  onDatasetChange?: (dataset: (typeof DATASETS)[number]) => void,
  persistence?: MockPersistence,
  onScenarioChange?: (scenario: Scenario) => void,
) {
  const MockSettings = z
    .object({ dataset: z.enum(DATASETS).optional(), scenario: z.enum(SCENARIOS).optional() })
    .refine((v) => v.dataset !== undefined || v.scenario !== undefined, { message: 'dataset or scenario required' });
  const settings = () => {
    const db = store.get();
    return {
      dataset: db.dataset,
      datasets: DATASETS,
      taskCount: db.tasks.size,
      articleCount: db.articles.size,
      today: db.today(),
      scenario: store.scenario(),
      scenarios: SCENARIOS,
      // Where edits are kept, and whether a stored copy had to be set aside (mocks/persistence.ts).
      storage: persistence?.status() ?? { kind: 'memory' as const, editedTasks: 0, savedAt: null, notice: null },
    };
  };
  return [
    http.get('*/api/v1/_mock', () => HttpResponse.json(settings())),
    http.put('*/api/v1/_mock', async ({ request }) => {
      const parsed = MockSettings.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return validationProblem(parsed.error, '/api/v1/_mock', 'field');
      const { dataset, scenario } = parsed.data;
      if (dataset !== undefined) {
        store.reset(dataset);
        onDatasetChange?.(dataset);
      }
      if (scenario !== undefined) {
        store.setScenario(scenario);
        onScenarioChange?.(scenario);
      }
      return HttpResponse.json(settings());
    }),
    // What was set aside on start (mocks/persistence.ts): download one as JSON, or try to take it back.
    http.get('*/api/v1/_mock/set-aside/:id', ({ params }) => {
      const value = persistence?.setAsideValue(String(params.id));
      if (value === undefined) return HttpResponse.json({ title: 'Not found', status: 404 }, { status: 404 });
      return new HttpResponse(JSON.stringify(value, null, 2), {
        headers: {
          'Content-Type': 'application/json',
          'Content-Disposition': `attachment; filename="set-aside-${String(params.id)}.json"`,
        },
      });
    }),
    http.post('*/api/v1/_mock/set-aside/:id/restore', async ({ params }) => {
      const result = persistence ? await persistence.restore(String(params.id)) : 'missing';
      return HttpResponse.json({ result, settings: settings() });
    }),
    // "Khôi phục dữ liệu mẫu": forget every edit and rebuild the sample data of the current dataset.
    http.post('*/api/v1/_mock/reset', async () => {
      if (persistence) await persistence.reset();
      else store.reset(store.get().dataset);
      return HttpResponse.json(settings());
    }),
  ];
}

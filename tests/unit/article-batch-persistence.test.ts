/**
 * The demo's side of `POST /articles/batch`: a batch is one durable write (one IndexedDB transaction), and a tab
 * that meets another tab's write since it last synchronised stores nothing, brings that write in and checks the
 * duplicates again — so two tabs importing the same article at the same moment add it once.
 */
import { describe, expect, it } from 'vitest';
import { localities, TEST_TODAY } from '../../mocks/node';
import { createPersistentStore, loadEdits, memoryAdapter, type StorageAdapter } from '../../mocks/persistence';
import { createDbStore } from '../../mocks/store';
import { buildImport } from '../../server/routes/articles';
import { createMemoryStore } from '../../server/store/memory';
import type { NewArticle } from '../../server/store/types';
import { articleFingerprint, normalizeArticleUrl } from '../../src/api/article-import-schemas';

function item(id: string, n: number): NewArticle {
  const body = `Thông báo kết luận số ${n}: giao Sở Xây dựng hoàn thành hồ sơ dự án số ${n} trước ngày 30/6/2025.`;
  const url = `https://example.vn/ket-luan/${n}`;
  const { article, tasks } = buildImport(
    { title: `Kết luận số ${n}`, date: '2025-03-10', publisher: 'Văn phòng UBND tỉnh', url, body, directives: [] },
    id,
  );
  return {
    article,
    tasks,
    normalizedUrl: normalizeArticleUrl(url),
    fingerprint: articleFingerprint(body, '2025-03-10'),
  };
}

/** A tab of the demo over shared storage, counting its write transactions. */
async function tab(adapter: StorageAdapter) {
  let writes = 0;
  const counting: StorageAdapter = {
    ...adapter,
    transact: (keys, fn) => {
      writes += 1;
      return adapter.transact(keys, fn);
    },
  };
  const { store: dbStore, persistence } = createPersistentStore(
    createDbStore({ localities, today: TEST_TODAY }),
    counting,
    await loadEdits(adapter),
    { channel: false },
  );
  const store = createMemoryStore(() => dbStore.get(), persistence.hooks);
  return { store, writes: () => writes };
}

describe('a batch of imported articles in the demo', () => {
  it('is one durable write for the whole batch, and survives a reload', async () => {
    const adapter = memoryAdapter();
    const a = await tab(adapter);
    const batch = Array.from({ length: 50 }, (_, i) => item(`a-b${i}`, i));
    const outcomes = await a.store.addArticles(batch);
    expect(outcomes.every((o) => o.created)).toBe(true);
    expect(a.writes()).toBe(1);
    const reloaded = await tab(adapter);
    expect((await reloaded.store.counts()).articles).toBe((await a.store.counts()).articles);
    expect(await reloaded.store.getArticle('a-b49')).toMatchObject({ title: 'Kết luận số 49' });
  });

  it('adds an article once when two tabs import it at the same moment', async () => {
    const adapter = memoryAdapter();
    const a = await tab(adapter);
    const b = await tab(adapter);
    // Both tabs start before either has written: B's write meets A's and is checked again.
    const [fromA, fromB] = await Promise.all([
      a.store.addArticles([item('a-one', 1), item('a-two', 2)]),
      b.store.addArticles([item('b-two', 2), item('b-three', 3)]),
    ]);
    const created = [...(fromA ?? []), ...(fromB ?? [])].filter((o) => o.created);
    expect(created).toHaveLength(3);
    const reloaded = await tab(adapter);
    const ids = ['a-one', 'a-two', 'b-two', 'b-three'];
    const stored = (await Promise.all(ids.map((id) => reloaded.store.getArticle(id)))).filter(Boolean);
    expect(stored).toHaveLength(3);
  });
});

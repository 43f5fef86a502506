import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccounts } from '../../mocks/accounts';
import { createHandlers } from '../../mocks/handlers';
import { localities, server, TEST_TODAY } from '../../mocks/node';
import {
  createPersistentStore,
  LEGACY_KEY,
  loadEdits,
  META_KEY,
  memoryAdapter,
  onExternalChange,
  SET_ASIDE_KEY,
  STORE_SCHEMA_VERSION,
  type StorageAdapter,
  taskKey,
} from '../../mocks/persistence';
import { createDbStore } from '../../mocks/store';
import { createApp } from '../../server/app';
import { createMemoryStore } from '../../server/store/memory';
import { renderApp } from '../render';

// Drafts of the forms live in localStorage: each test starts without any.
beforeEach(() => localStorage.clear());

const BRIDGE = 't-000-09';

/** Starts the mock API the way the browser does (mocks/browser.ts): stored edits loaded, validated and applied. */
async function startMock(adapter: StorageAdapter) {
  const loaded = await loadEdits(adapter);
  const { store, persistence } = createPersistentStore(
    createDbStore({ localities, today: TEST_TODAY }),
    adapter,
    loaded,
    { channel: false },
  );
  server.resetHandlers();
  server.use(...createHandlers(store, undefined, persistence));
  return { store, persistence, loaded };
}

async function recordUpdate(user: UserEvent, note: string) {
  const form = await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  await user.selectOptions(within(form).getByLabelText('Trạng thái'), 'paused');
  await user.clear(within(form).getByLabelText('Tiến độ (%)'));
  await user.type(within(form).getByLabelText('Tiến độ (%)'), '95');
  await user.type(within(form).getByLabelText(/^Ghi chú/), note);
  await user.click(within(form).getByRole('button', { name: 'Lưu cập nhật' }));
  await within(form).findByText(/Đã lưu cập nhật/);
}

describe('edits on the mock API survive a reload', () => {
  it('keeps a recorded update across a restart of the mock, with its history', async () => {
    const adapter = memoryAdapter();
    await startMock(adapter);
    const user = userEvent.setup();
    const first = renderApp(`/tasks/${BRIDGE}`);
    await recordUpdate(user, 'Thi công bổ sung đường dẫn hai đầu cầu.');
    expect(adapter.data.get(META_KEY)).toMatchObject({ schemaVersion: STORE_SCHEMA_VERSION });
    expect([...adapter.data.keys()].filter((k) => k.startsWith('task:'))).toEqual([taskKey(BRIDGE)]);
    first.unmount();

    // "Reload": a fresh mock built from the sample data and the stored edits.
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBeNull();
    renderApp(`/tasks/${BRIDGE}`);
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Tạm dừng');
    expect(within(facts).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '95');
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    expect(await within(history).findByText('Thi công bổ sung đường dẫn hai đầu cầu.')).toBeInTheDocument();
    // The sample history is still there under it.
    expect(history).toHaveTextContent('Cầu Đình Khao thông xe');
  });

  it('brings in what another tab saved before writing, so a stale write from this tab is refused', async () => {
    const adapter = memoryAdapter();
    const tabA = await startMock(adapter);
    const version = tabA.store.get().tasks.get(BRIDGE)?.version ?? 0;
    const body = (note: string) =>
      JSON.stringify({ status: 'done', progress: 100, date: TEST_TODAY, author: 'A', note });
    const post = (v: number, note: string) =>
      fetch(`${location.origin}/api/v1/tasks/${BRIDGE}/updates`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${v}"` },
        body: body(note),
      });
    // Tab B starts before tab A saves.
    const loadedB = await loadEdits(adapter);
    expect((await post(version, 'Tab A')).status).toBe(201);
    const tabB = createPersistentStore(createDbStore({ localities, today: TEST_TODAY }), adapter, loadedB);
    server.resetHandlers();
    server.use(...createHandlers(tabB.store, undefined, tabB.persistence));
    expect((await post(version, 'Tab B, stale')).status).toBe(412);
    expect((await post(version + 1, 'Tab B')).status).toBe(201);
    const stored = adapter.data.get(taskKey(BRIDGE)) as { updates: Array<{ note: string }> };
    expect(stored.updates.slice(-2).map((u) => u.note)).toEqual(['Tab A', 'Tab B']);
  });
});

/** A tab of the demo without MSW: its own memory database and app over the shared storage. */
async function openTab(adapter: StorageAdapter, channel = false) {
  const loaded = await loadEdits(adapter);
  const tab = createPersistentStore(createDbStore({ localities, today: TEST_TODAY }), adapter, loaded, { channel });
  const demo = createDemoAccounts();
  await demo.ready;
  const hono = createApp({
    store: createMemoryStore(() => tab.store.get(), tab.persistence.hooks, demo.accounts),
    localities,
    today: () => TEST_TODAY,
    version: 'test',
  });
  const app = { fetch: (request: Request) => hono.fetch(request, { sessionTransport: demo.transport }) };
  const post = (version: number, note: string, key?: string) =>
    app.fetch(
      new Request(`http://demo.local/api/v1/tasks/${BRIDGE}/updates`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'If-Match': `"${version}"`,
          ...(key ? { 'Idempotency-Key': key } : {}),
        },
        body: JSON.stringify({ status: 'in_progress', progress: 90, date: TEST_TODAY, author: 'A', note }),
      }),
    );
  return { ...tab, app, post, version: () => tab.store.get().tasks.get(BRIDGE)?.version ?? 0 };
}

describe('one owner of the data across tabs (issue #11)', () => {
  it('lets at most one of two tabs writing the same version at the same moment succeed, and keeps it', async () => {
    const adapter = memoryAdapter();
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = await Promise.all([openTab(adapter), openTab(adapter)]);
      const version = a.version();
      const [ra, rb] = await Promise.all([a.post(version, `A${round}`), b.post(version, `B${round}`)]);
      expect([ra.status, rb.status].sort()).toEqual([201, 412]);
      const winner = ra.status === 201 ? `A${round}` : `B${round}`;
      // After a reload, the acknowledged note is there.
      const reloaded = await openTab(adapter);
      expect(reloaded.store.get().updates.get(BRIDGE)?.at(-1)?.note).toBe(winner);
      expect(reloaded.version()).toBe(version + 1);
    }
  });

  it('tells the other tabs after a write, once they have it (onExternalChange)', async () => {
    const adapter = memoryAdapter();
    const a = await openTab(adapter, true);
    const b = await openTab(adapter, true);
    const heard: unknown[] = [];
    const stop = onExternalChange((change) => heard.push(change));
    try {
      expect((await a.post(a.version(), 'Từ tab A')).status).toBe(201);
      await waitFor(() => expect(heard).toContainEqual({ kind: 'task', taskId: BRIDGE, version: a.version() }));
      expect(b.store.get().updates.get(BRIDGE)?.at(-1)?.note).toBe('Từ tab A');
    } finally {
      stop();
      a.persistence.close();
      b.persistence.close();
    }
  });

  it('stores again everything it knows when the storage was emptied under the running app', async () => {
    const adapter = memoryAdapter();
    const tab = await openTab(adapter);
    expect((await tab.post(tab.version(), 'Trước khi xóa')).status).toBe(201);
    adapter.data.clear(); // site data cleared, or the database deleted by another tab
    expect((await tab.post(tab.version(), 'Sau khi xóa')).status).toBe(201);
    const reloaded = await openTab(adapter);
    expect(
      reloaded.store
        .get()
        .updates.get(BRIDGE)
        ?.slice(-2)
        .map((u) => u.note),
    ).toEqual(['Trước khi xóa', 'Sau khi xóa']);
  });

  it('keeps the answer under its Idempotency-Key across a reload: a retry is never applied twice', async () => {
    const adapter = memoryAdapter();
    const tab = await openTab(adapter);
    const version = tab.version();
    const first = await tab.post(version, 'Một lần thôi', 'key-1');
    expect(first.status).toBe(201);
    const reloaded = await openTab(adapter);
    const again = await reloaded.post(version, 'Một lần thôi', 'key-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(reloaded.version()).toBe(version + 1);
    // The same key for another request is refused.
    expect((await reloaded.post(version, 'Khác', 'key-1')).status).toBe(422);
  });
});

describe('one bad record never costs the rest (issue #11)', () => {
  it('sets aside only the record that does not fit, keeps the others, and restores it on request', async () => {
    const adapter = memoryAdapter();
    const tab = await openTab(adapter);
    expect((await tab.post(tab.version(), 'Ghi chú tốt')).status).toBe(201);
    const other = 't-000-05';
    const otherVersion = tab.store.get().tasks.get(other)?.version ?? 0;
    const patched = await tab.app.fetch(
      new Request(`http://demo.local/api/v1/tasks/${other}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${otherVersion}"` },
        body: JSON.stringify({ progress: 77, date: TEST_TODAY, author: 'B' }),
      }),
    );
    expect(patched.status).toBe(200);
    // A damaged counter on one task.
    const bad = structuredClone(adapter.data.get(taskKey(BRIDGE))) as { task: { version: number } };
    bad.task.version = 999;
    adapter.data.set(taskKey(BRIDGE), bad);

    const reloaded = await openTab(adapter);
    const status = reloaded.persistence.status();
    expect(status.notice?.kind).toBe('set_aside');
    expect(status.setAside).toMatchObject([{ kind: 'task', ref: BRIDGE, reason: 'inconsistent' }]);
    // The other edit is kept.
    expect(reloaded.store.get().tasks.get(other)?.progress).toBe(77);
    expect(reloaded.store.get().updates.get(BRIDGE)?.at(-1)?.note).not.toBe('Ghi chú tốt');
    const id = status.setAside[0]?.id ?? '';
    expect(reloaded.persistence.setAsideValue(id)).toEqual(bad);
    expect(await reloaded.persistence.restore(id)).toBe('restored');
    expect(reloaded.store.get().updates.get(BRIDGE)?.at(-1)?.note).toBe('Ghi chú tốt');
    const again = await openTab(adapter);
    expect(again.persistence.status().setAside).toEqual([]);
    expect(again.store.get().updates.get(BRIDGE)?.at(-1)?.note).toBe('Ghi chú tốt');
  });
});

describe('what was set aside, in the settings (issue #11)', () => {
  it('lists a set-aside record with why, and restores it on request', async () => {
    const adapter = memoryAdapter();
    const tab = await openTab(adapter);
    expect((await tab.post(tab.version(), 'Ghi chú cần giữ')).status).toBe(201);
    const bad = structuredClone(adapter.data.get(taskKey(BRIDGE))) as { task: { version: number } };
    bad.task.version = 999;
    adapter.data.set(taskKey(BRIDGE), bad);
    const { store } = await startMock(adapter);
    const user = userEvent.setup();
    renderApp('/settings');
    const panel = await screen.findByRole('region', { name: 'Bản ghi đã để riêng' });
    expect(panel).toHaveTextContent(`Cập nhật của nhiệm vụ ${BRIDGE}: số liệu không khớp nhau`);
    expect(within(panel).getByRole('button', { name: 'Tải về (JSON)' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Bản ghi đã để riêng' })).toBeNull());
    expect(store.get().updates.get(BRIDGE)?.at(-1)?.note).toBe('Ghi chú cần giữ');
  });
});

describe('an unusable store', () => {
  it('is detected when corrupted: the person is told, the sample data is restored, nothing crashes', async () => {
    const adapter = memoryAdapter({ [LEGACY_KEY]: '{"schemaVersion":1,"tasks":{"t-000-09":' });
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBe('corrupted');
    // The unreadable copy is kept aside, not silently deleted.
    expect(adapter.data.get(SET_ASIDE_KEY)).toMatchObject([{ kind: 'store', reason: 'corrupted' }]);
    expect(adapter.data.has(LEGACY_KEY)).toBe(false);

    const user = userEvent.setup();
    renderApp(`/tasks/${BRIDGE}`);
    const notice = await screen.findByText(/Dữ liệu lưu trong trình duyệt bị hỏng, không đọc được\./);
    const banner = notice.closest('[role="alert"]') as HTMLElement;
    expect(banner).toHaveTextContent('Đã khôi phục dữ liệu mẫu');
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Đang thực hiện');
    await user.click(within(banner).getByRole('button', { name: 'Đã hiểu' }));
    expect(screen.queryByText(/bị hỏng/)).toBeNull();
  });

  it('is detected when its data does not add up (a history that skips versions)', async () => {
    const adapter = memoryAdapter();
    await startMock(adapter);
    const user = userEvent.setup();
    const view = renderApp(`/tasks/${BRIDGE}`);
    await recordUpdate(user, 'Ghi chú');
    view.unmount();
    const stored = structuredClone(adapter.data.get(taskKey(BRIDGE))) as { task: { version: number } };
    stored.task.version += 5;
    adapter.data.set(taskKey(BRIDGE), stored);
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBe('set_aside');
    expect(loaded.setAside).toMatchObject([{ kind: 'task', ref: BRIDGE, reason: 'inconsistent' }]);
  });

  it('is detected when written by an older version of the app', async () => {
    const adapter = memoryAdapter({ [LEGACY_KEY]: { schemaVersion: 0, tasks: [] } });
    await startMock(adapter);
    renderApp('/', { language: 'en' });
    expect(
      await screen.findByText(/The data saved in this browser is from an older version of the app/),
    ).toBeInTheDocument();
    expect(adapter.data.get(SET_ASIDE_KEY)).toMatchObject([{ kind: 'store', reason: 'old_version' }]);
  });

  it('never says "saved" when the browser refused to store it: 503, nothing applied, the typing kept', async () => {
    const adapter = memoryAdapter();
    let full = false;
    const { store } = await startMock({
      ...adapter,
      transact: async (keys, fn) => {
        if (full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return adapter.transact(keys, fn);
      },
    });
    full = true;
    const before = store.get().tasks.get(BRIDGE);
    const user = userEvent.setup();
    renderApp(`/tasks/${BRIDGE}`);
    const form = await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
    await user.selectOptions(within(form).getByLabelText('Trạng thái'), 'paused');
    await user.type(within(form).getByLabelText(/^Ghi chú/), 'Không lưu được vào trình duyệt');
    await user.click(within(form).getByRole('button', { name: 'Lưu cập nhật' }));
    expect(await screen.findByText(/Chưa lưu được cập nhật/)).toBeInTheDocument();
    expect(screen.getByText(/Nơi lưu dữ liệu không ghi được/)).toBeInTheDocument();
    expect(within(form).queryByText(/Đã lưu cập nhật/)).toBeNull();
    expect(within(form).getByLabelText(/^Ghi chú/)).toHaveValue('Không lưu được vào trình duyệt');
    // Nothing changed in memory either: what the app shows is what is stored.
    expect(store.get().tasks.get(BRIDGE)).toEqual(before);
    expect(adapter.data.has(taskKey(BRIDGE))).toBe(false);
    // Room again: the same save goes through.
    full = false;
    await user.click(screen.getByRole('button', { name: 'Thử lưu lại' }));
    expect(await within(form).findByText(/Đã lưu cập nhật/)).toBeInTheDocument();
    expect(adapter.data.has(taskKey(BRIDGE))).toBe(true);
  });
});

describe('reset sample data (settings)', () => {
  it('shows what is stored and forgets every edit after a confirmation', async () => {
    const adapter = memoryAdapter();
    const { store } = await startMock(adapter);
    const user = userEvent.setup();
    const { router } = renderApp(`/tasks/${BRIDGE}`);
    await recordUpdate(user, 'Sẽ bị xóa khi khôi phục');
    await router.navigate({ to: '/settings' });
    const mock = await screen.findByRole('region', { name: 'Dữ liệu của API giả lập' });
    await waitFor(() => expect(within(mock).getByText('Đã cập nhật').closest('div')).toHaveTextContent('1 nhiệm vụ'));
    expect(within(mock).getByText('Nơi lưu').closest('div')).toHaveTextContent('Bộ nhớ tạm');

    const reset = screen.getByRole('region', { name: 'Khôi phục dữ liệu mẫu' });
    await user.click(within(reset).getByRole('button', { name: 'Khôi phục dữ liệu mẫu' }));
    // Nothing happens without a confirmation.
    await user.click(within(reset).getByRole('button', { name: 'Hủy' }));
    expect(store.get().tasks.get(BRIDGE)?.status).toBe('paused');
    await user.click(within(reset).getByRole('button', { name: 'Khôi phục dữ liệu mẫu' }));
    expect(within(reset).getByRole('group')).toHaveTextContent('Xóa các cập nhật đã ghi và khôi phục dữ liệu mẫu?');
    await user.click(within(reset).getByRole('button', { name: 'Xóa và khôi phục' }));
    expect(await within(reset).findByText('Đã khôi phục dữ liệu mẫu.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(mock).getByText('Đã cập nhật').closest('div')).toHaveTextContent('Chưa có thay đổi'),
    );
    expect(adapter.data.has(taskKey(BRIDGE))).toBe(false);
    expect(store.get().tasks.get(BRIDGE)?.status).toBe('in_progress');

    await router.navigate({ to: '/tasks/$taskId', params: { taskId: BRIDGE } });
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    await waitFor(() =>
      expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Đang thực hiện'),
    );
  });

  it('reads in English', async () => {
    renderApp('/settings', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset sample data' })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { localities, server, TEST_TODAY } from '../../mocks/node';
import {
  BACKUP_KEY,
  createPersistentStore,
  EDITS_KEY,
  loadEdits,
  memoryAdapter,
  STORE_SCHEMA_VERSION,
  type StorageAdapter,
} from '../../mocks/persistence';
import { createDbStore } from '../../mocks/store';
import { renderApp } from '../render';

const BRIDGE = 't-000-09';

/** Starts the mock API the way the browser does (mocks/browser.ts): stored edits loaded, validated and applied. */
async function startMock(adapter: StorageAdapter) {
  const loaded = await loadEdits(adapter);
  const { store, persistence } = createPersistentStore(
    createDbStore({ localities, today: TEST_TODAY }),
    adapter,
    loaded,
  );
  server.resetHandlers();
  server.use(...createHandlers(store, undefined, persistence));
  return { store, persistence, loaded };
}

async function recordUpdate(user: UserEvent, note: string) {
  const form = await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  await user.selectOptions(within(form).getByLabelText('Trạng thái'), 'in_progress');
  await user.clear(within(form).getByLabelText('Tiến độ (%)'));
  await user.type(within(form).getByLabelText('Tiến độ (%)'), '95');
  await user.type(within(form).getByLabelText(/^Ghi chú/), note);
  await user.type(within(form).getByLabelText(/^Người cập nhật/), 'Sở Xây dựng');
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
    const stored = adapter.data.get(EDITS_KEY) as { schemaVersion: number; tasks: Record<string, unknown> };
    expect(stored.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(Object.keys(stored.tasks)).toEqual([BRIDGE]);
    first.unmount();

    // "Reload": a fresh mock built from the sample data and the stored edits.
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBeNull();
    renderApp(`/tasks/${BRIDGE}`);
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Đang thực hiện');
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
    const stored = adapter.data.get(EDITS_KEY) as { tasks: Record<string, { updates: Array<{ note: string }> }> };
    expect(stored.tasks[BRIDGE]?.updates.slice(-2).map((u) => u.note)).toEqual(['Tab A', 'Tab B']);
  });
});

describe('an unusable store', () => {
  it('is detected when corrupted: the person is told, the sample data is restored, nothing crashes', async () => {
    const adapter = memoryAdapter({ [EDITS_KEY]: '{"schemaVersion":1,"tasks":{"t-000-09":' });
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBe('corrupted');
    // The unreadable copy is kept aside, not silently deleted.
    expect(adapter.data.get(BACKUP_KEY)).toMatchObject({ reason: 'corrupted' });
    expect(adapter.data.has(EDITS_KEY)).toBe(false);

    const user = userEvent.setup();
    renderApp(`/tasks/${BRIDGE}`);
    const notice = await screen.findByText(/Dữ liệu lưu trong trình duyệt bị hỏng, không đọc được\./);
    const banner = notice.closest('[role="alert"]') as HTMLElement;
    expect(banner).toHaveTextContent('Đã khôi phục dữ liệu mẫu');
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Hoàn thành');
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
    const stored = structuredClone(adapter.data.get(EDITS_KEY)) as {
      tasks: Record<string, { task: { version: number } }>;
    };
    const entry = stored.tasks[BRIDGE];
    if (entry) entry.task.version += 5;
    adapter.data.set(EDITS_KEY, stored);
    const { loaded } = await startMock(adapter);
    expect(loaded.notice).toBe('corrupted');
  });

  it('is detected when written by an older version of the app', async () => {
    const adapter = memoryAdapter({ [EDITS_KEY]: { schemaVersion: 0, tasks: [] } });
    await startMock(adapter);
    renderApp('/', { language: 'en' });
    expect(
      await screen.findByText(/The data saved in this browser is from an older version of the app/),
    ).toBeInTheDocument();
    expect(adapter.data.get(BACKUP_KEY)).toMatchObject({ reason: 'old_version' });
  });

  it('says so when saving fails, instead of pretending the update will survive a reload', async () => {
    const adapter = memoryAdapter();
    await startMock({
      ...adapter,
      update: async () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    });
    const user = userEvent.setup();
    renderApp(`/tasks/${BRIDGE}`);
    await recordUpdate(user, 'Không lưu được vào trình duyệt');
    expect(
      await screen.findByText(/Không lưu được cập nhật vào trình duyệt: các cập nhật chỉ còn đến khi tải lại trang\./),
    ).toBeInTheDocument();
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
    expect(store.get().tasks.get(BRIDGE)?.status).toBe('in_progress');
    await user.click(within(reset).getByRole('button', { name: 'Khôi phục dữ liệu mẫu' }));
    expect(within(reset).getByRole('group')).toHaveTextContent('Xóa các cập nhật đã ghi và khôi phục dữ liệu mẫu?');
    await user.click(within(reset).getByRole('button', { name: 'Xóa và khôi phục' }));
    expect(await within(reset).findByText('Đã khôi phục dữ liệu mẫu.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(mock).getByText('Đã cập nhật').closest('div')).toHaveTextContent('Chưa có thay đổi'),
    );
    expect(adapter.data.has(EDITS_KEY)).toBe(false);
    expect(store.get().tasks.get(BRIDGE)?.status).toBe('done');

    await router.navigate({ to: '/tasks/$taskId', params: { taskId: BRIDGE } });
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    await waitFor(() => expect(within(facts).getByText('Trạng thái').closest('div')).toHaveTextContent('Hoàn thành'));
  });

  it('reads in English', async () => {
    renderApp('/settings', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset sample data' })).toBeInTheDocument();
  });
});

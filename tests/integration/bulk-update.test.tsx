/**
 * The bulk-update dialog of the task list as a form (issue #11, item 4): what is typed is kept as a draft until it is
 * applied or discarded (closing the dialog, leaving the page or reloading loses nothing), leaving with unsaved input
 * asks first, the change is checked with the API's schema before any task is read or written, and a failed apply
 * keeps the input. The per-task rules and the report per task are tested in task-update.test.tsx.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbStore, server } from '../../mocks/node';
import { addTask, passOn } from '../helpers';
import { renderApp } from '../render';

const DRAFT_KEY = 'directive-tracker.draft.task-bulk';
const TITLES = ['Thửnháp sửa cầu Cái Cấm', 'Thửnháp nạo vét kênh', 'Thửnháp nhà văn hóa ấp'];
const LIST_URL = '/tasks?q=th%E1%BB%ADnh%C3%A1p';

beforeEach(() => {
  localStorage.clear();
  addTask({ id: 'd-1', title: TITLES[0] as string, createdAt: '2025-01-10T08:00:00+07:00' });
  addTask({ id: 'd-2', title: TITLES[1] as string, createdAt: '2025-01-10T08:00:00+07:00' });
  addTask({ id: 'd-3', title: TITLES[2] as string, createdAt: '2025-02-01T08:00:00+07:00' });
});
afterEach(() => server.events.removeAllListeners());

/** Selects the three tasks in the list (already shown) and opens the dialog. */
async function selectAndOpen(user: UserEvent) {
  await waitFor(() => expect(document.querySelector('.list-count')).toHaveTextContent(/^3 nhiệm vụ$/));
  for (const title of TITLES)
    await user.click(await screen.findByRole('checkbox', { name: `Chọn nhiệm vụ: ${title}` }));
  await user.click(await screen.findByRole('button', { name: 'Cập nhật hàng loạt' }));
  return within(await screen.findByRole('dialog', { name: 'Cập nhật 3 nhiệm vụ đã chọn' }));
}

async function reopen(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Cập nhật hàng loạt' }));
  return within(await screen.findByRole('dialog', { name: 'Cập nhật 3 nhiệm vụ đã chọn' }));
}

type Dialog = Awaited<ReturnType<typeof selectAndOpen>>;

async function typeChange(user: UserEvent, d: Dialog) {
  await user.click(d.getByRole('checkbox', { name: 'Đổi đơn vị thực hiện' }));
  await user.type(d.getByLabelText('Đơn vị thực hiện mới'), 'UBND xã Sơn Định');
  await user.type(d.getByLabelText('Ghi chú'), 'Theo Quyết định 45 của UBND huyện.');
}

function expectChange(d: Dialog) {
  expect(d.getByRole('checkbox', { name: 'Đổi đơn vị thực hiện' })).toBeChecked();
  expect(d.getByLabelText('Đơn vị thực hiện mới')).toHaveValue('UBND xã Sơn Định');
  expect(d.getByLabelText('Ghi chú')).toHaveValue('Theo Quyết định 45 của UBND huyện.');
}

const apply = (user: UserEvent, d: Dialog) => user.click(d.getByRole('button', { name: 'Áp dụng cho 3 nhiệm vụ' }));
const close = (user: UserEvent, d: Dialog) => user.click(d.getByRole('button', { name: 'Đóng' }));

describe('the bulk-update draft', () => {
  it('keeps what was typed when the dialog closes and across a reload, until it is applied', async () => {
    const user = userEvent.setup();
    const first = renderApp(LIST_URL);
    let d = await selectAndOpen(user);
    await typeChange(user, d);
    await close(user, d);
    d = await reopen(user);
    expectChange(d);
    expect(d.getByText(/Đã khôi phục nội dung bạn nhập dở lúc/)).toBeInTheDocument();

    // A reload: the whole app again, the same tasks selected.
    first.unmount();
    renderApp(LIST_URL);
    d = await selectAndOpen(user);
    expectChange(d);

    await apply(user, d);
    expect(await d.findByText('Đã cập nhật 3/3 nhiệm vụ.')).toBeInTheDocument();
    expect(dbStore.get().tasks.get('d-2')?.assignee).toBe('UBND xã Sơn Định');
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
    // Applied: nothing is unsaved any more, so the draft does not come back.
    await close(user, d);
    await user.click(await screen.findByRole('checkbox', { name: `Chọn nhiệm vụ: ${TITLES[0]}` }));
    await user.click(await screen.findByRole('button', { name: 'Cập nhật hàng loạt' }));
    const again = within(await screen.findByRole('dialog', { name: 'Cập nhật 1 nhiệm vụ đã chọn' }));
    expect(again.getByLabelText('Ghi chú')).toHaveValue('');
    expect(again.queryByText(/Đã khôi phục/)).toBeNull();
  });

  it('is discarded on request, and the form starts afresh', async () => {
    const user = userEvent.setup();
    renderApp(LIST_URL);
    let d = await selectAndOpen(user);
    await typeChange(user, d);
    await close(user, d);
    d = await reopen(user);
    await user.click(d.getByRole('button', { name: 'Bỏ nội dung nhập dở' }));
    expect(d.getByRole('checkbox', { name: 'Đổi đơn vị thực hiện' })).not.toBeChecked();
    expect(d.getByLabelText('Ghi chú')).toHaveValue('');
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
  });

  it('tells when the draft was typed for other tasks than those selected now', async () => {
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({
        schema: 1,
        savedAt: new Date().toISOString(),
        value: {
          taskIds: ['t-000-01', 't-000-02'],
          values: {
            status: '',
            changeDeadline: false,
            deadlineDate: '',
            deadlineText: '',
            deadlineReason: '',
            changeAssignee: true,
            assignee: 'UBND xã Sơn Định',
            note: 'Theo Quyết định 45 của UBND huyện.',
            date: '2026-01-05',
            author: '',
          },
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(LIST_URL);
    const d = await selectAndOpen(user);
    expectChange(d);
    expect(d.getByText(/cho 2 nhiệm vụ đã chọn trước đó/)).toBeInTheDocument();
    // Only looked at: still the draft of those tasks. Changed: the draft of the tasks selected now.
    await close(user, d);
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}').value?.taskIds).toEqual(['t-000-01', 't-000-02']);
    const again = await reopen(user);
    expect(again.getByText(/cho 2 nhiệm vụ đã chọn trước đó/)).toBeInTheDocument();
    await user.type(again.getByLabelText('Ghi chú'), ' Bổ sung.');
    await close(user, again);
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}').value?.taskIds).toEqual(['d-1', 'd-2', 'd-3']);
  });
});

describe('leaving the bulk update with unsaved input', () => {
  it('asks first; staying keeps the input, leaving keeps the draft', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(LIST_URL);
    let d = await selectAndOpen(user);
    await typeChange(user, d);
    const overview = () => screen.getAllByRole('link', { name: 'Tổng quan' })[0] as HTMLElement;

    await user.click(overview());
    let ask = await screen.findByRole('alertdialog', { name: 'Rời trang khi chưa lưu?' });
    await user.click(within(ask).getByRole('button', { name: 'Ở lại trang' }));
    expect(router.state.location.pathname).toBe('/tasks');
    expectChange(d);

    await user.click(overview());
    ask = await screen.findByRole('alertdialog', { name: 'Rời trang khi chưa lưu?' });
    await user.click(within(ask).getByRole('button', { name: 'Rời trang, giữ bản nháp' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));

    await router.navigate({ to: '/tasks', search: { q: 'thửnháp' } });
    d = await selectAndOpen(user);
    expectChange(d);
  });

  it('does not ask when nothing was typed', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(LIST_URL);
    await selectAndOpen(user);
    await user.click(screen.getAllByRole('link', { name: 'Tổng quan' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('checking the bulk change', () => {
  /** Counts the requests that read or write one of the selected tasks. */
  function countTaskRequests() {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (/\/api\/v1\/tasks\/d-\d/.test(request.url)) seen.push(`${request.method} ${request.url}`);
    });
    return seen;
  }

  it('says what is wrong next to each field, with the API’s schema, before any task is read or written', async () => {
    const user = userEvent.setup();
    renderApp(LIST_URL);
    const d = await selectAndOpen(user);
    const requests = countTaskRequests();
    await user.click(d.getByRole('checkbox', { name: 'Đổi đơn vị thực hiện' }));
    await apply(user, d);
    const assignee = d.getByLabelText('Đơn vị thực hiện mới');
    expect(assignee).toHaveAttribute('aria-invalid', 'true');
    expect(assignee).toHaveAccessibleDescription('Vui lòng nhập đơn vị thực hiện.');
    expect(d.getByRole('alert')).toHaveTextContent('Chưa lưu: còn 1 ô cần sửa.');
    await waitFor(() => expect(assignee).toHaveFocus());

    // After the first attempt, the schema checks the change as it is typed.
    await user.type(assignee, 'UBND xã Sơn Định');
    expect(assignee).toHaveAttribute('aria-invalid', 'false');
    await user.click(d.getByRole('checkbox', { name: 'Đặt thời hạn mới' }));
    expect(d.getByLabelText('Thời hạn mới')).toHaveAccessibleDescription('Vui lòng nhập thời hạn mới.');
    await user.type(d.getByLabelText('Thời hạn mới'), '31/12/2026');
    expect(d.getByLabelText('Thời hạn mới')).toHaveAttribute('aria-invalid', 'false');
    expect(d.getByLabelText(/^Lý do điều chỉnh/)).toHaveAccessibleDescription('Cần ghi lý do điều chỉnh thời hạn.');
    expect(requests).toEqual([]);
    expect(dbStore.get().tasks.get('d-1')?.version).toBe(1);
  });

  it('speaks English when the interface does', async () => {
    const user = userEvent.setup();
    renderApp(LIST_URL, { language: 'en' });
    await waitFor(() => expect(document.querySelector('.list-count')).toHaveTextContent(/^3 tasks$/));
    for (const title of TITLES)
      await user.click(await screen.findByRole('checkbox', { name: `Select task: ${title}` }));
    await user.click(await screen.findByRole('button', { name: 'Bulk update' }));
    const d = within(await screen.findByRole('dialog', { name: 'Update 3 selected tasks' }));
    await user.click(d.getByRole('button', { name: 'Apply to 3 tasks' }));
    expect(d.getByRole('alert')).toHaveTextContent('Choose at least one change: status, deadline or assignee.');
    await user.click(d.getByRole('checkbox', { name: 'Change the assignee' }));
    expect(d.getByLabelText('New assignee')).toHaveAccessibleDescription('Please enter the assignee.');
  });
});

describe('a failed bulk apply', () => {
  it('keeps what was typed, also after closing the dialog, and applies it once the server is back', async () => {
    server.use(
      http.patch('*/api/v1/tasks/:id', () => HttpResponse.json({ title: 'Boom', status: 503 }, { status: 503 })),
    );
    const user = userEvent.setup();
    renderApp(LIST_URL);
    let d = await selectAndOpen(user);
    await typeChange(user, d);
    await apply(user, d);
    expect(await d.findByText('Đã cập nhật 0/3 nhiệm vụ.')).toBeInTheDocument();
    for (const title of TITLES) {
      expect(d.getByRole('link', { name: title }).closest('li')).toHaveTextContent('Máy chủ đang gặp sự cố (mã 503)');
    }
    expectChange(d);

    await close(user, d);
    d = await reopen(user);
    expectChange(d);

    server.resetHandlers();
    await apply(user, d);
    expect(await d.findByText('Đã cập nhật 3/3 nhiệm vụ.')).toBeInTheDocument();
    expect(dbStore.get().updates.get('d-1')?.at(-1)?.note).toBe('Theo Quyết định 45 của UBND huyện.');
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
  });

  it('keeps the input for the tasks not updated, and retries them', async () => {
    let refused = false;
    server.use(
      http.patch('*/api/v1/tasks/d-2', () => {
        if (refused) return undefined;
        refused = true;
        return HttpResponse.json({ title: 'Boom', status: 503 }, { status: 503 });
      }),
    );
    const user = userEvent.setup();
    renderApp(LIST_URL);
    const d = await selectAndOpen(user);
    await typeChange(user, d);
    await apply(user, d);
    expect(await d.findByText('Đã cập nhật 2/3 nhiệm vụ.')).toBeInTheDocument();
    // Still unsaved for one task: the draft names it.
    await waitFor(() => expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}').value?.taskIds).toEqual(['d-2']));
    await user.click(d.getByRole('button', { name: 'Thử lại 1 nhiệm vụ chưa cập nhật' }));
    expect(await d.findByText('Đã cập nhật 3/3 nhiệm vụ.')).toBeInTheDocument();
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
    expect(
      dbStore
        .get()
        .updates.get('d-1')
        ?.filter((u) => u.note === 'Theo Quyết định 45 của UBND huyện.'),
    ).toHaveLength(1);
  });

  it('never applies the change twice to a task whose answers were lost: the retry sends it again as it was', async () => {
    // d-2's first attempt reaches the API and is applied, but no answer comes back, to it or to its automatic retry.
    const keys: Array<string | null> = [];
    const mock = passOn();
    let offline = true;
    server.use(
      http.patch('*/api/v1/tasks/d-2', async ({ request }) => {
        if (mock.passing || !offline) return undefined;
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) expect((await mock.send(request)).ok).toBe(true);
        return HttpResponse.error();
      }),
    );
    const user = userEvent.setup();
    renderApp(LIST_URL);
    const d = await selectAndOpen(user);
    await typeChange(user, d);
    await apply(user, d);
    expect(await d.findByText('Đã cập nhật 2/3 nhiệm vụ.')).toBeInTheDocument();
    expect(d.getByRole('link', { name: TITLES[1] as string }).closest('li')).toHaveTextContent(
      'Chưa rõ đã cập nhật hay chưa',
    );
    const notes = () =>
      dbStore
        .get()
        .updates.get('d-2')
        ?.filter((u) => u.note === 'Theo Quyết định 45 của UBND huyện.') ?? [];
    expect(notes()).toHaveLength(1);

    // Back online: the retry is answered with the first attempt's outcome, not applied on top of it.
    offline = false;
    const seen: Array<string | null> = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH' && request.url.endsWith('/tasks/d-2'))
        seen.push(request.headers.get('Idempotency-Key'));
    });
    await user.click(d.getByRole('button', { name: 'Thử lại 1 nhiệm vụ chưa cập nhật' }));
    expect(await d.findByText('Đã cập nhật 3/3 nhiệm vụ.')).toBeInTheDocument();
    expect(seen).toEqual([keys[0]]);
    expect(notes()).toHaveLength(1);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { dbStore, server, TEST_TODAY } from '../../mocks/node';
import { addTask, apiUrl, passOn } from '../helpers';
import { renderApp } from '../render';

// Drafts of the forms live in localStorage: each test starts without any.
beforeEach(() => localStorage.clear());

/** "Phát triển kinh tế hợp tác": open, in progress, no deadline. */
const TASK = 't-000-05';

const form = () => screen.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
const facts = () => screen.getByRole('region', { name: 'Thông tin nhiệm vụ' });
const shownProgress = () => within(facts()).getByRole('progressbar').getAttribute('aria-valuenow');

async function open(taskId = TASK) {
  const user = userEvent.setup();
  const utils = renderApp(`/tasks/${taskId}`);
  await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  return { user, ...utils };
}

async function fill(
  user: UserEvent,
  values: { status?: string; progress?: string; note?: string; author?: string; date?: string },
) {
  const f = within(form());
  if (values.status) await user.selectOptions(f.getByLabelText('Trạng thái'), values.status);
  if (values.progress !== undefined) {
    const input = f.getByLabelText('Tiến độ (%)');
    await user.clear(input);
    if (values.progress) await user.type(input, values.progress);
  }
  // Typed day first (dd/mm/yyyy), as a person writes a date.
  if (values.date !== undefined) {
    const input = f.getByLabelText('Ngày cập nhật');
    await user.clear(input);
    if (values.date) await user.type(input, values.date);
  }
  if (values.note !== undefined) {
    await user.clear(f.getByLabelText(/^Ghi chú/));
    if (values.note) await user.type(f.getByLabelText(/^Ghi chú/), values.note);
  }
  // `author` is not typed any more: the form does not ask who writes, the server records the signed-in user.
}

const submit = (user: UserEvent) => user.click(within(form()).getByRole('button', { name: 'Lưu cập nhật' }));

/** Another screen changes the task through the API, as a second user would. */
async function changeElsewhere(taskId: string, body: Record<string, unknown>) {
  const version = dbStore.get().tasks.get(taskId)?.version ?? 0;
  const response = await fetch(apiUrl(`/tasks/${taskId}`), {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify({ date: TEST_TODAY, author: 'Văn phòng Huyện ủy', ...body }),
  });
  expect(response.status).toBe(200);
}

describe('recording a progress update', () => {
  it('saves it, shows it at once, and adds it to the history with what changed', async () => {
    const { user } = await open();
    const before = dbStore.get().tasks.get(TASK);
    await fill(user, { progress: '85', note: 'Thành lập thêm 2 hợp tác xã kiểu mới.', author: 'Nguyễn Văn A' });
    await submit(user);
    expect(await within(form()).findByRole('status')).toHaveTextContent(
      `Đã lưu cập nhật (phiên bản ${(before?.version ?? 0) + 1})`,
    );
    expect(shownProgress()).toBe('85');
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    const newest = within(history).getAllByRole('listitem')[0] as HTMLElement;
    await waitFor(() => expect(newest).toHaveTextContent('Quản trị viên (demo)'));
    expect(newest).toHaveTextContent(`Tiến độ: ${before?.progress}% → 85%`);
    expect(newest).toHaveTextContent('Thành lập thêm 2 hợp tác xã kiểu mới.');
    // Stored by the API, and the form is ready for the next update (the name is remembered).
    expect(dbStore.get().tasks.get(TASK)?.progress).toBe(85);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('');
    expect(within(form()).queryByLabelText(/^Người cập nhật/)).toBeNull();
  });

  it('offers to reopen a done task when a progress under 100% is typed, then saves it', async () => {
    const { user } = await open('t-000-01');
    const f = within(form());
    expect(f.getByLabelText('Trạng thái')).toHaveValue('done');
    await fill(user, { progress: '50', note: 'Bổ sung số liệu quý I theo yêu cầu.' });
    // Said before any refusal, with the change it needs one click away.
    expect(f.getByText(/Tiến độ 50% nghĩa là nhiệm vụ chưa xong/)).toBeInTheDocument();
    await user.click(f.getByRole('button', { name: 'đổi trạng thái sang Đang thực hiện' }));
    expect(f.getByLabelText('Trạng thái')).toHaveValue('in_progress');
    expect(f.getByLabelText('Tiến độ (%)')).toHaveValue(50);
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(dbStore.get().tasks.get('t-000-01')).toMatchObject({ status: 'in_progress', progress: 50 });
  });

  it('sends links to the articles that report the progress, and shows them in the history', async () => {
    const { user } = await open();
    const f = within(form());
    await user.type(f.getByLabelText('Đường dẫn (http/https)'), 'javascript:alert(1)');
    await user.click(f.getByRole('button', { name: 'Thêm liên kết' }));
    expect(f.getByText(/Đường dẫn phải bắt đầu bằng http/)).toBeInTheDocument();
    await user.clear(f.getByLabelText('Đường dẫn (http/https)'));
    await user.type(f.getByLabelText('Đường dẫn (http/https)'), 'https://baodongkhoi.vn/hop-tac-xa-cho-lach');
    await user.type(f.getByLabelText('Tên tài liệu'), 'Chợ Lách thành lập thêm 2 hợp tác xã');
    await user.click(f.getByRole('button', { name: 'Thêm liên kết' }));
    await fill(user, { progress: '80', note: 'Theo báo Đồng Khởi.' });
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    const link = await within(history).findByRole('link', { name: 'Chợ Lách thành lập thêm 2 hợp tác xã' });
    expect(link).toHaveAttribute('href', 'https://baodongkhoi.vn/hop-tac-xa-cho-lach');
    // Kept by the API with the update.
    const entries = dbStore.get().updates.get(TASK) ?? [];
    expect(entries.at(-1)?.evidence).toEqual([
      { url: 'https://baodongkhoi.vn/hop-tac-xa-cho-lach', title: 'Chợ Lách thành lập thêm 2 hợp tác xã' },
    ]);
    // The form is ready for the next update, without the links of the last one.
    expect(within(form()).queryByRole('link', { name: 'Chợ Lách thành lập thêm 2 hợp tác xã' })).toBeNull();
  });

  it('checks the update with the API’s rules before sending, and says what is wrong next to each field', async () => {
    let sent = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') sent += 1;
    });
    const { user } = await open();
    await fill(user, { status: 'paused', progress: '150', author: 'Nguyễn Văn A', note: '' });
    expect(within(form()).getByText(/Tạm dừng nhiệm vụ cần ghi rõ lý do/)).toBeInTheDocument();
    await submit(user);
    const progress = within(form()).getByLabelText('Tiến độ (%)');
    expect(progress).toHaveAttribute('aria-invalid', 'true');
    expect(progress).toHaveAccessibleDescription(/Tiến độ phải là số nguyên từ 0 đến 100\./);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveAccessibleDescription(/Cần ghi chú lý do tạm dừng\./);
    expect(within(form()).getByRole('alert')).toHaveTextContent('Chưa lưu: còn 2 ô cần sửa.');
    await waitFor(() => expect(progress).toHaveFocus());

    await fill(user, { progress: '40', date: '31/12/2021' });
    await submit(user);
    expect(within(form()).getByLabelText('Ngày cập nhật')).toHaveAccessibleDescription(
      /Không được trước ngày giao nhiệm vụ \(22\/03\/2022\)\./,
    );
    expect(sent).toBe(0);
    server.events.removeAllListeners();
  });

  it('requires a note when a task is marked done after its deadline', async () => {
    addTask({
      id: 't-late',
      title: 'Nạo vét kênh Vàm Thơm',
      deadline: { date: '2026-06-30', text: 'quý II/2026' },
      createdAt: '2026-01-10T08:00:00+07:00',
      updatedAt: '2026-01-10T08:00:00+07:00',
    });
    const { user } = await open('t-late');
    await fill(user, { status: 'done', author: 'Nguyễn Văn A' });
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveValue(100);
    expect(within(form()).getByText(/Hoàn thành sau thời hạn 30\/06\/2026 cần ghi rõ lý do/)).toBeInTheDocument();
    await submit(user);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveAccessibleDescription(
      /Nhiệm vụ hoàn thành sau thời hạn \(30\/06\/2026\): cần ghi chú lý do\./,
    );
    await fill(user, { note: 'Chờ bố trí vốn đến tháng 10.' });
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(within(facts()).getByText('Thời hạn thực hiện').closest('div')).toHaveTextContent('Hoàn thành quá hạn');
    expect(dbStore.get().tasks.get('t-late')?.completedAt).toBe(TEST_TODAY);
  });

  it('moves the deadline with a reason, and the timeliness follows', async () => {
    addTask({
      id: 't-extend',
      title: 'Lắp đặt đèn chiếu sáng tuyến ĐH.21',
      deadline: { date: '2026-10-31', text: 'tháng 10/2026' },
      createdAt: '2026-03-01T08:00:00+07:00',
      updatedAt: '2026-03-01T08:00:00+07:00',
    });
    const { user } = await open('t-extend');
    expect(within(facts()).getByText('Thời hạn thực hiện').closest('div')).toHaveTextContent('Đang thực hiện quá hạn');
    await fill(user, { progress: '70', author: 'Nguyễn Văn A' });
    await user.click(within(form()).getByRole('checkbox', { name: /Điều chỉnh thời hạn/ }));
    await user.clear(within(form()).getByLabelText('Thời hạn mới'));
    await user.type(within(form()).getByLabelText('Thời hạn mới'), '31/03/2027');
    await submit(user);
    expect(within(form()).getByLabelText(/^Lý do điều chỉnh/)).toHaveAccessibleDescription(
      /Cần ghi lý do điều chỉnh thời hạn\./,
    );
    await user.type(within(form()).getByLabelText(/^Lý do điều chỉnh/), 'Bổ sung hạng mục theo Quyết định 123');
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(within(facts()).getByText('Thời hạn', { exact: true }).closest('div')).toHaveTextContent('31/03/2027');
    expect(within(facts()).getByText('Thời hạn thực hiện').closest('div')).toHaveTextContent(
      'Đang thực hiện trong hạn',
    );
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    await waitFor(() =>
      expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent(
        'Thời hạn: tháng 10/2026 → 31/10/2026 → 31/03/2027',
      ),
    );
    expect(history).toHaveTextContent('Lý do điều chỉnh thời hạn: Bổ sung hạng mục theo Quyết định 123');
  });

  it('shows the API’s field errors inline in the interface language, not the server’s English', async () => {
    server.use(
      http.post('*/api/v1/tasks/:id/updates', () =>
        HttpResponse.json(
          {
            type: 'https://directive-tracker.example/problems/invalid-request',
            title: 'Invalid field',
            status: 400,
            detail: 'note: note_required_paused; progress: too_big',
            errors: [
              { name: 'note', reason: 'note_required_paused' },
              { name: 'progress', reason: 'too_big' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = await open();
    await fill(user, { progress: '60', note: 'Ghi chú', author: 'Nguyễn Văn A' });
    await submit(user);
    const note = within(form()).getByLabelText(/^Ghi chú/);
    await waitFor(() => expect(note).toHaveAccessibleDescription(/Cần ghi chú lý do tạm dừng\./));
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveAccessibleDescription(
      /Tiến độ phải là số nguyên từ 0 đến 100\./,
    );
    expect(screen.queryByText(/note_required_paused|too_big/)).toBeNull();
    // Nothing was lost: what the person typed is still there.
    expect(note).toHaveValue('Ghi chú');
  });

  it('does not read "1e2" as a progress of 100', async () => {
    const { user } = await open();
    const before = dbStore.get().tasks.get(TASK)?.version;
    await fill(user, { progress: '1e2', note: 'Số mũ', author: 'Nguyễn Văn A' });
    await submit(user);
    await waitFor(() =>
      expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveAccessibleDescription(
        /Tiến độ phải là số nguyên từ 0 đến 100\./,
      ),
    );
    expect(dbStore.get().tasks.get(TASK)?.version).toBe(before);
  });

  it('speaks English when the interface does', async () => {
    const user = userEvent.setup();
    renderApp(`/tasks/${TASK}`, { language: 'en' });
    const f = await screen.findByRole('form', { name: 'Record a progress update' });
    await user.selectOptions(within(f).getByLabelText('Status'), 'cancelled');
    await user.click(within(f).getByRole('button', { name: 'Save the update' }));
    expect(within(f).getByLabelText(/^Note/)).toHaveAccessibleDescription(
      /Please give the reason for cancelling in a note\./,
    );
  });
});

describe('the date of the update, typed day first', () => {
  it('shows and takes dd/mm/yyyy in an English interface, and refuses a day the calendar does not have', async () => {
    const user = userEvent.setup();
    renderApp(`/tasks/${TASK}`, { language: 'en' });
    const f = within(await screen.findByRole('form', { name: 'Record a progress update' }));
    const date = f.getByLabelText('Date of the update');
    // A text field written day first, not the browser's date field (mm/dd/yyyy in an English browser).
    expect(date).toHaveAttribute('type', 'text');
    expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    expect(date).toHaveValue(`${TEST_TODAY.slice(8, 10)}/${TEST_TODAY.slice(5, 7)}/${TEST_TODAY.slice(0, 4)}`);
    const before = dbStore.get().tasks.get(TASK)?.version;

    await user.selectOptions(f.getByLabelText('Status'), 'done');
    await user.type(f.getByLabelText(/^Note/), 'Handed over.');
    await user.clear(date);
    await user.type(date, '31/06/2026');
    await user.click(f.getByRole('button', { name: 'Save the update' }));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/There is no 31\/06\/2026 on the calendar: check the day and the month\./);
    expect(f.getByRole('alert')).toHaveTextContent('Not saved: 1 field needs fixing.');
    await waitFor(() => expect(date).toHaveFocus());
    // Nothing sent, and nothing typed lost.
    expect(dbStore.get().tasks.get(TASK)?.version).toBe(before);
    expect(date).toHaveValue('31/06/2026');
    expect(f.getByLabelText('Status')).toHaveValue('done');
    expect(f.getByLabelText('Progress (%)')).toHaveValue(100);
    expect(f.getByLabelText(/^Note/)).toHaveValue('Handed over.');

    // Once submitted, the field is checked as it is typed.
    await user.clear(date);
    await user.type(date, '30/6/2026');
    expect(date).toHaveAttribute('aria-invalid', 'false');
    await user.click(f.getByRole('button', { name: 'Save the update' }));
    await f.findByText(/Update saved/);
    expect(dbStore.get().tasks.get(TASK)).toMatchObject({ status: 'done', completedAt: '2026-06-30' });
  });

  it('says in Vietnamese what is wrong with a typed date, and takes the date it held before once typed right', async () => {
    const { user } = await open();
    const before = dbStore.get().tasks.get(TASK)?.version;
    await fill(user, { progress: '45', note: 'Đã họp triển khai.', date: '5/3' });
    await submit(user);
    const date = within(form()).getByLabelText('Ngày cập nhật');
    expect(date).toHaveAccessibleDescription(
      /Chưa đọc được ngày cập nhật “5\/3”: hãy gõ ngày\/tháng\/năm, ví dụ 30\/06\/2026\./,
    );
    await fill(user, { date: '31/06/2026' });
    expect(date).toHaveAccessibleDescription(/Không có ngày 31\/06\/2026 trên lịch: hãy xem lại ngày và tháng\./);
    await submit(user);
    expect(dbStore.get().tasks.get(TASK)?.version).toBe(before);
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveValue(45);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('Đã họp triển khai.');

    // Today again, the date the field held all along: the message goes and the update is saved.
    const today = `${TEST_TODAY.slice(8, 10)}/${TEST_TODAY.slice(5, 7)}/${TEST_TODAY.slice(0, 4)}`;
    await fill(user, { date: today });
    expect(date).toHaveAttribute('aria-invalid', 'false');
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(dbStore.get().tasks.get(TASK)?.progress).toBe(45);
  });
});

describe('a failed save', () => {
  it('shows the update at once, rolls it back when the server fails, keeps what was typed and offers a retry', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post('*/api/v1/tasks/:id/updates', async () => {
        await gate;
        return HttpResponse.json({ title: 'Boom', status: 503 }, { status: 503 });
      }),
    );
    // The whole server is down once the save fails: the page cannot lean on a refetch, it must roll back itself.
    let down = false;
    server.use(
      http.get('*/api/v1/tasks/:id', () => (down ? new HttpResponse(null, { status: 503 }) : undefined)),
      http.get('*/api/v1/tasks/:id/updates', () => (down ? new HttpResponse(null, { status: 503 }) : undefined)),
    );
    const { user } = await open();
    const before = shownProgress();
    await fill(user, { progress: '90', note: 'Hoàn thiện hồ sơ HTX Thanh Long.', author: 'Nguyễn Văn A' });
    await submit(user);
    // Optimistic: the page already shows the new progress and a pending history entry.
    await waitFor(() => expect(shownProgress()).toBe('90'));
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('Đang lưu…');
    down = true;
    release();

    const alert = await within(form().parentElement as HTMLElement).findByText(/Chưa lưu được cập nhật/);
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box).toHaveTextContent('Máy chủ đang gặp sự cố (mã 503)');
    expect(box).toHaveTextContent('Nội dung bạn đã nhập vẫn được giữ nguyên.');
    // Rolled back, and nothing of the update is lost.
    await waitFor(() => expect(shownProgress()).toBe(before));
    expect(within(history).queryByText('Đang lưu…')).toBeNull();
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveValue(90);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('Hoàn thiện hồ sơ HTX Thanh Long.');

    // The server recovers: one click saves exactly what was typed.
    server.resetHandlers();
    await user.click(within(box).getByRole('button', { name: 'Thử lưu lại' }));
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(shownProgress()).toBe('90');
    const stored = dbStore.get().updates.get(TASK)?.at(-1);
    expect(stored?.note).toBe('Hoàn thiện hồ sơ HTX Thanh Long.');
    expect(stored?.progress).toBe(90);
  });

  it('keeps everything when no answer comes, retries once with the same Idempotency-Key, and says "maybe saved"', async () => {
    const keys: Array<string | null> = [];
    server.use(
      http.post('*/api/v1/tasks/:id/updates', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.error();
      }),
    );
    const { user } = await open();
    await fill(user, { progress: '77', note: 'Mất mạng khi lưu.', author: 'Nguyễn Văn A' });
    await submit(user);
    const alert = await screen.findByText(/Chưa rõ cập nhật đã được lưu hay chưa/);
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box).toHaveTextContent('Nội dung bạn đã nhập vẫn được giữ nguyên.');
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('Mất mạng khi lưu.');
    // Sent twice, as one save: the same key both times.
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\w-]{8,}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(
      dbStore
        .get()
        .updates.get(TASK)
        ?.some((u) => u.note === 'Mất mạng khi lưu.'),
    ).toBe(false);
    // Back online: "check and save again" saves it once.
    server.resetHandlers();
    await user.click(within(box).getByRole('button', { name: 'Kiểm tra và lưu lại' }));
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(
      dbStore
        .get()
        .updates.get(TASK)
        ?.filter((u) => u.note === 'Mất mạng khi lưu.'),
    ).toHaveLength(1);
  });

  it('never applies a save twice when its answer was lost, and never shows it as someone else’s change', async () => {
    // The first attempt reaches the API and is applied, but its answer is lost on the way back.
    let lost = 0;
    const mock = passOn();
    server.use(
      http.post('*/api/v1/tasks/:id/updates', async ({ request }) => {
        if (mock.passing || lost > 0) return undefined;
        lost += 1;
        const applied = await mock.send(request);
        expect(applied.status).toBe(201);
        return HttpResponse.error();
      }),
    );
    const { user } = await open();
    const before = dbStore.get().tasks.get(TASK)?.version ?? 0;
    await fill(user, { progress: '66', note: 'Câu trả lời bị mất.', author: 'Nguyễn Văn A' });
    await submit(user);
    // The retry with the same key gets the first answer back: saved, once, as version before+1.
    expect(await within(form()).findByText(`Đã lưu cập nhật (phiên bản ${before + 1}).`)).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' })).toBeNull();
    expect(
      dbStore
        .get()
        .updates.get(TASK)
        ?.filter((u) => u.note === 'Câu trả lời bị mất.'),
    ).toHaveLength(1);
    expect(dbStore.get().tasks.get(TASK)?.version).toBe(before + 1);
  });

  it('keeps what was typed as a draft across leaving the page and coming back, until it is saved', async () => {
    const { user, router } = await open();
    await fill(user, { progress: '55', note: 'Đang gõ dở thì chuyển trang.' });
    await user.click(screen.getAllByRole('link', { name: 'Tổng quan' })[0] as HTMLElement);
    // Asked before leaving; leaving keeps the draft.
    const ask = await screen.findByRole('alertdialog', { name: 'Rời trang khi chưa lưu?' });
    await user.click(within(ask).getByRole('button', { name: 'Rời trang, giữ bản nháp' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    await router.navigate({ to: '/tasks/$taskId', params: { taskId: TASK } });
    await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('Đang gõ dở thì chuyển trang.');
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveValue(55);
    expect(screen.getByText(/Đã khôi phục nội dung bạn nhập dở lúc/)).toBeInTheDocument();
    await fill(user, { author: 'Nguyễn Văn A' });
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    expect(localStorage.getItem(`directive-tracker.draft.task-update.${TASK}`)).toBeNull();
  });
});

describe('a stale save', () => {
  it('shows what changed meanwhile and re-applies the update on the new version: nothing is overwritten silently', async () => {
    const { user } = await open();
    const startVersion = dbStore.get().tasks.get(TASK)?.version ?? 0;
    await fill(user, { progress: '80', note: 'Số liệu của xã Sơn Định.', author: 'Nguyễn Văn A' });
    // Meanwhile, someone else records progress on another screen.
    await changeElsewhere(TASK, { progress: 65, note: 'Số liệu của Văn phòng.' });
    await submit(user);

    const panel = await screen.findByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' });
    await within(panel).findByText(/Quản trị viên \(demo\)/);
    expect(panel).toHaveTextContent(`từ phiên bản ${startVersion}`);
    expect(panel).toHaveTextContent(`phiên bản ${startVersion + 1}`);
    expect(panel).toHaveTextContent(/Tiến độ \d+% → 65%/);
    expect(panel).toHaveTextContent('Số liệu của Văn phòng.');
    // The page now shows the other person's change; the form still holds this person's update.
    await waitFor(() => expect(shownProgress()).toBe('65'));
    expect(within(form()).getByLabelText('Tiến độ (%)')).toHaveValue(80);
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('Số liệu của xã Sơn Định.');
    expect(dbStore.get().tasks.get(TASK)?.progress).toBe(65);

    await user.click(within(panel).getByRole('button', { name: 'Áp dụng lại cập nhật của tôi' }));
    await within(form()).findByText(`Đã lưu cập nhật (phiên bản ${startVersion + 2}).`);
    expect(screen.queryByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' })).toBeNull();
    // Both updates are in the history, in order.
    const notes = (dbStore.get().updates.get(TASK) ?? []).slice(-2).map((u) => [u.note, u.progress]);
    expect(notes).toEqual([
      ['Số liệu của Văn phòng.', 65],
      ['Số liệu của xã Sơn Định.', 80],
    ]);
    const history = screen.getByRole('region', { name: 'Lịch sử cập nhật' });
    await waitFor(() => expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('Tiến độ: 65% → 80%'));
  });

  it('lets the person drop their update instead, and the form then shows the current task', async () => {
    const { user } = await open();
    await fill(user, { progress: '80', note: 'Bản nháp.', author: 'Nguyễn Văn A' });
    await changeElsewhere(TASK, { status: 'paused', note: 'Chờ kinh phí.' });
    await submit(user);
    const panel = await screen.findByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' });
    await within(panel).findByText(/Trạng thái Đang thực hiện → Tạm dừng/);
    await user.click(within(panel).getByRole('button', { name: 'Bỏ cập nhật của tôi' }));
    expect(screen.queryByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' })).toBeNull();
    expect(within(form()).getByLabelText('Trạng thái')).toHaveValue('paused');
    expect(within(form()).getByLabelText(/^Ghi chú/)).toHaveValue('');
    expect(dbStore.get().updates.get(TASK)?.at(-1)?.note).toBe('Chờ kinh phí.');
  });

  it('the API refuses a write without If-Match (428) and a stale one (412)', async () => {
    const body = JSON.stringify({ status: 'in_progress', progress: 50, date: TEST_TODAY, author: 'X', note: 'n' });
    const headers = { 'Content-Type': 'application/json' };
    const missing = await fetch(apiUrl(`/tasks/${TASK}/updates`), { method: 'POST', headers, body });
    expect(missing.status).toBe(428);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const stale = await fetch(apiUrl(`/tasks/${TASK}/updates`), {
      method: 'POST',
      headers: { ...headers, 'If-Match': '"1"' },
      body,
    });
    expect(stale.status).toBe(412);
    const version = dbStore.get().tasks.get(TASK)?.version;
    const ok = await fetch(apiUrl(`/tasks/${TASK}/updates`), {
      method: 'POST',
      headers: { ...headers, 'If-Match': `"${version}"` },
      body,
    });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('ETag')).toBe(`"${(version ?? 0) + 1}"`);
    const bad = await fetch(apiUrl(`/tasks/${TASK}`), {
      method: 'PATCH',
      headers: { ...headers, 'If-Match': `"${(version ?? 0) + 1}"` },
      body: JSON.stringify({ progress: 101, date: '2030-01-01', author: '' }),
    });
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { name: 'progress', reason: 'too_big' },
        { name: 'date', reason: 'in_the_future' },
      ]),
    );
    const history = await (await fetch(apiUrl(`/tasks/${TASK}/updates`))).json();
    // The author is the signed-in user, whatever the body said.
    expect(history.items.at(-1)).toMatchObject({
      progress: 50,
      author: 'Quản trị viên (demo)',
      version: (version ?? 0) + 1,
    });
  });
});

describe('the overview after an update', () => {
  it('shows figures that include the update (its cached statistics are invalidated)', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    const doneOnTime = () => document.querySelector('[data-kpi="doneOnTime"] .kpi-value')?.textContent ?? '';
    await waitFor(() => expect(doneOnTime()).toMatch(/\d/));
    const before = Number(doneOnTime().replace(/\D/g, ''));
    await router.navigate({ to: '/tasks/$taskId', params: { taskId: 't-000-01' } });
    await screen.findByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
    // The quarter's report, done on time, is reopened: it leaves the "done on time" tile.
    await fill(user, { status: 'in_progress', progress: '95', note: 'Bổ sung số liệu theo yêu cầu.', author: 'A' });
    await submit(user);
    await within(form()).findByText(/Đã lưu cập nhật/);
    await router.navigate({ to: '/' });
    await waitFor(() => expect(Number(doneOnTime().replace(/\D/g, ''))).toBe(before - 1));
  });
});

describe('bulk update from the task list', () => {
  const addBulkTasks = () => {
    addTask({ id: 'b-1', title: 'Thửbulk sửa cầu Cái Cấm', createdAt: '2025-01-10T08:00:00+07:00' });
    addTask({
      id: 'b-2',
      title: 'Thửbulk nạo vét kênh',
      createdAt: '2025-01-10T08:00:00+07:00',
      deadline: { date: '2025-03-31', text: 'quý I/2025' },
    });
    addTask({ id: 'b-3', title: 'Thửbulk nhà văn hóa ấp', createdAt: '2026-02-01T08:00:00+07:00' });
  };

  async function openBulk(user: UserEvent) {
    renderApp('/tasks?q=th%E1%BB%ADbulk');
    await waitFor(() => expect(document.querySelector('.list-count')).toHaveTextContent(/^3 nhiệm vụ$/));
    for (const title of ['Thửbulk sửa cầu Cái Cấm', 'Thửbulk nạo vét kênh', 'Thửbulk nhà văn hóa ấp']) {
      await user.click(await screen.findByRole('checkbox', { name: `Chọn nhiệm vụ: ${title}` }));
    }
    expect(await screen.findByText('Đã chọn 3 nhiệm vụ')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Cập nhật hàng loạt' }));
    return screen.findByRole('dialog', { name: 'Cập nhật 3 nhiệm vụ đã chọn' });
  }

  it('applies the same change to each task with its own rules, and reports per task', async () => {
    addBulkTasks();
    const user = userEvent.setup();
    const dialog = await openBulk(user);
    const d = within(dialog);
    await user.click(d.getByRole('button', { name: 'Áp dụng cho 3 nhiệm vụ' }));
    expect(d.getByRole('alert')).toHaveTextContent('Hãy chọn ít nhất một thay đổi');

    await user.selectOptions(d.getByLabelText('Trạng thái mới'), 'done');
    await user.clear(d.getByLabelText('Ngày cập nhật'));
    await user.type(d.getByLabelText('Ngày cập nhật'), '01/10/2025');
    await user.click(d.getByRole('button', { name: 'Áp dụng cho 3 nhiệm vụ' }));

    expect(await d.findByText('Đã cập nhật 1/3 nhiệm vụ.')).toBeInTheDocument();
    const outcome = (title: string) => d.getByRole('link', { name: title }).closest('li') as HTMLElement;
    expect(outcome('Thửbulk sửa cầu Cái Cấm')).toHaveTextContent('Đã cập nhật (phiên bản 2).');
    // Late against its own deadline: a note is needed for this one.
    expect(outcome('Thửbulk nạo vét kênh')).toHaveTextContent('Nhiệm vụ hoàn thành sau thời hạn (31/03/2025)');
    // Assigned after the date given.
    expect(outcome('Thửbulk nhà văn hóa ấp')).toHaveTextContent('Không được trước ngày giao nhiệm vụ (01/02/2026)');
    expect(dbStore.get().tasks.get('b-1')).toMatchObject({ status: 'done', completedAt: '2025-10-01' });
    expect(dbStore.get().tasks.get('b-2')?.status).toBe('in_progress');
    expect(dbStore.get().updates.get('b-1')?.at(-1)?.author).toBe('Quản trị viên (demo)');
  });

  it('shows a form error once when every task would refuse it, and sends nothing', async () => {
    addBulkTasks();
    const user = userEvent.setup();
    const dialog = await openBulk(user);
    const d = within(dialog);
    await user.selectOptions(d.getByLabelText('Trạng thái mới'), 'paused');
    await user.click(d.getByRole('button', { name: 'Áp dụng cho 3 nhiệm vụ' }));
    expect(await d.findByText('Cần ghi chú lý do tạm dừng.')).toBeInTheDocument();
    expect(dbStore.get().tasks.get('b-1')?.version).toBe(1);
  });

  it('reports a task changed meanwhile and retries it on its new version', async () => {
    addBulkTasks();
    let refused = false;
    server.use(
      http.patch('*/api/v1/tasks/b-2', () => {
        if (refused) return undefined;
        refused = true;
        return HttpResponse.json({ title: 'The task has changed', status: 412 }, { status: 412 });
      }),
    );
    const user = userEvent.setup();
    const dialog = await openBulk(user);
    const d = within(dialog);
    await user.click(d.getByRole('checkbox', { name: 'Đổi đơn vị thực hiện' }));
    await user.type(d.getByLabelText('Đơn vị thực hiện mới'), 'UBND xã Sơn Định');
    await user.click(d.getByRole('button', { name: 'Áp dụng cho 3 nhiệm vụ' }));
    expect(await d.findByText('Đã cập nhật 2/3 nhiệm vụ.')).toBeInTheDocument();
    expect(d.getByRole('link', { name: 'Thửbulk nạo vét kênh' }).closest('li')).toHaveTextContent(
      'nhiệm vụ vừa được thay đổi ở nơi khác',
    );
    await user.click(d.getByRole('button', { name: 'Thử lại 1 nhiệm vụ chưa cập nhật' }));
    expect(await d.findByText('Đã cập nhật 3/3 nhiệm vụ.')).toBeInTheDocument();
    expect(['b-1', 'b-2', 'b-3'].map((id) => dbStore.get().tasks.get(id)?.assignee)).toEqual([
      'UBND xã Sơn Định',
      'UBND xã Sơn Định',
      'UBND xã Sơn Định',
    ]);
  });
});

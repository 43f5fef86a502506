import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server, TEST_TODAY } from '../../mocks/node';
import { addDays } from '../../src/domain/dates';
import { addTask } from '../helpers';
import { renderApp } from '../render';

const due = (days: number) => ({ date: addDays(TEST_TODAY, days), text: `ngày ${addDays(TEST_TODAY, days)}` });

beforeEach(() => {
  addTask({ id: 'd-late-1', title: 'Kè sông Cổ Chiên', assignee: 'UBND xã Phú Sơn', deadline: due(-40) });
  addTask({ id: 'd-late-2', title: 'Nạo vét kênh Vàm Thơm', assignee: 'UBND xã Phú Sơn', deadline: due(-3) });
  addTask({
    id: 'd-late-3',
    title: 'Chợ nông sản',
    assignee: 'UBND xã Vĩnh Thành',
    deadline: due(-1),
    status: 'paused',
  });
  addTask({
    id: 'd-done',
    title: 'Đã xong, trễ',
    assignee: 'UBND xã Phú Sơn',
    deadline: due(-10),
    status: 'done',
    progress: 100,
    completedAt: TEST_TODAY,
  });
  addTask({ id: 'd-soon', title: 'Đèn chiếu sáng ĐH.21', assignee: 'UBND xã Vĩnh Thành', deadline: due(5) });
  addTask({ id: 'd-today', title: 'Báo cáo quý', assignee: 'UBND xã Vĩnh Thành', deadline: due(0) });
  addTask({ id: 'd-month', title: 'Cấp nước sạch ấp 3', assignee: 'UBND xã Phú Sơn', deadline: due(20) });
  addTask({ id: 'd-far', title: 'Trường mẫu giáo', assignee: 'UBND xã Phú Sơn', deadline: due(45) });
});

const section = (name: RegExp | string) => screen.getByRole('region', { name });

describe('due soon and overdue', () => {
  it('lists open tasks overdue now and due within 30 days, grouped by assignee', async () => {
    renderApp('/deadlines');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nhiệm vụ sắp đến hạn và quá hạn' }),
    ).toBeInTheDocument();
    const upcoming = section('Sẽ quá hạn trong 30 ngày tới');
    await within(upcoming).findByRole('link', { name: 'Đèn chiếu sáng ĐH.21' });
    expect(within(upcoming).getByRole('link', { name: 'Cấp nước sạch ấp 3' })).toBeInTheDocument();
    expect(within(upcoming).queryByRole('link', { name: 'Trường mẫu giáo' })).toBeNull();
    const soonRow = within(upcoming).getByRole('link', { name: 'Đèn chiếu sáng ĐH.21' }).closest('tr') as HTMLElement;
    expect(soonRow).toHaveTextContent('Còn 5 ngày');
    expect(within(upcoming).getByRole('link', { name: 'Báo cáo quý' }).closest('tr')).toHaveTextContent(
      'Đến hạn hôm nay',
    );

    const overdue = section('Đang quá hạn');
    await within(overdue).findByRole('link', { name: 'Kè sông Cổ Chiên' });
    expect(within(overdue).queryByRole('link', { name: 'Đã xong, trễ' })).toBeNull();
    // Grouped by assignee, the one with most tasks first; within a group, the most overdue first.
    const groups = [...overdue.querySelectorAll('th[scope="rowgroup"]')].map((h) => h.textContent);
    expect(groups.indexOf('UBND xã Phú Sơn · 2 nhiệm vụ')).toBeGreaterThanOrEqual(0);
    expect(groups.indexOf('UBND xã Phú Sơn · 2 nhiệm vụ')).toBeLessThan(
      groups.indexOf('UBND xã Vĩnh Thành · 1 nhiệm vụ'),
    );
    const phuSon = within(overdue)
      .getByRole('rowheader', { name: 'UBND xã Phú Sơn · 2 nhiệm vụ' })
      .closest('tbody') as HTMLElement;
    const rows = within(phuSon).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Kè sông Cổ Chiên',
      'Nạo vét kênh Vàm Thơm',
    ]);
    expect(rows[0]).toHaveTextContent('40 ngày');
    expect(rows[0]).toHaveTextContent('Đang thực hiện quá hạn');
  });

  it('narrows to 7 days, with the choice in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deadlines');
    await within(await screen.findByRole('region', { name: 'Sẽ quá hạn trong 30 ngày tới' })).findByRole('link', {
      name: 'Cấp nước sạch ấp 3',
    });
    await user.click(screen.getByRole('radio', { name: '7 ngày' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ within: 7 }));
    const upcoming = await screen.findByRole('region', { name: 'Sẽ quá hạn trong 7 ngày tới' });
    await waitFor(() => expect(within(upcoming).queryByRole('link', { name: 'Cấp nước sạch ấp 3' })).toBeNull());
    expect(within(upcoming).getByRole('link', { name: 'Đèn chiếu sáng ĐH.21' })).toBeInTheDocument();
  });

  it('drops a malformed window from the URL instead of failing', async () => {
    renderApp('/deadlines?within=12');
    expect(await screen.findByRole('region', { name: 'Sẽ quá hạn trong 30 ngày tới' })).toBeInTheDocument();
  });

  it('says clearly when the API fails, per list', async () => {
    server.use(http.get('*/api/v1/tasks', () => new HttpResponse(null, { status: 500 })));
    renderApp('/deadlines');
    const overdue = await screen.findByRole('region', { name: 'Đang quá hạn' });
    expect(await within(overdue).findByRole('alert')).toHaveTextContent('Máy chủ đang gặp sự cố (mã 500)');
    expect(within(overdue).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });

  it('reads in English', async () => {
    renderApp('/deadlines', { language: 'en' });
    const upcoming = await screen.findByRole('region', { name: 'Becoming overdue in the next 30 days' });
    const row = (await within(upcoming).findByRole('link', { name: 'Đèn chiếu sáng ĐH.21' })).closest('tr');
    expect(row).toHaveTextContent('5 days left');
  });
});

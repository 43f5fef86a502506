import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderApp } from '../render';

const BRIDGE = 't-000-09';

describe('task page', () => {
  it('shows what was assigned, by whom, where (then and now), and where it stands', async () => {
    renderApp(`/tasks/${BRIDGE}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Xây dựng cầu Đình Khao/ })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Thông tin nhiệm vụ' });
    const fact = (label: string) => within(facts).getByText(label).closest('div') as HTMLElement;
    // Opened to traffic, approach roads still being finished; no deadline was set, so it is never "on time".
    expect(fact('Trạng thái')).toHaveTextContent('Đang thực hiện');
    expect(fact('Thời hạn thực hiện')).toHaveTextContent('Không có thời hạn');
    expect(within(facts).getByRole('progressbar', { name: 'Tiến độ' })).toHaveAttribute('aria-valuenow', '95');
    expect(fact('Thời hạn')).toHaveTextContent('Không có thời hạn');
    expect(within(facts).queryByText('Ngày hoàn thành')).toBeNull();
    expect(fact('Người chỉ đạo')).toHaveTextContent('Ban Thường vụ Tỉnh ủy Bến Tre');
    expect(fact('Đơn vị thực hiện')).toHaveTextContent('Ban Thường vụ Huyện ủy Chợ Lách');
    expect(fact('Lĩnh vực')).toHaveTextContent('Hạ tầng, giao thông');
    expect(fact('Ngày giao')).toHaveTextContent('22/03/2022');
    // Locality: the 2022 unit, and the units that absorbed it on 1 July 2025.
    const locality = fact('Địa bàn');
    await waitFor(() => expect(locality).toHaveTextContent('Tỉnh Bến Tre › Huyện Chợ Lách'));
    await waitFor(() => expect(locality).toHaveTextContent(/Hiện nay.*Tỉnh Vĩnh Long › Xã/));
    expect(screen.getByText(/★ Công trình, dự án trọng điểm/)).toBeInTheDocument();
  });

  it('quotes the assigning sentence, highlighted in its article, and lists the article’s other tasks', async () => {
    renderApp(`/tasks/${BRIDGE}`);
    const body = await screen.findByRole('region', { name: /Toàn văn bài viết/ });
    const mark = body.querySelector('mark');
    expect(mark).toHaveTextContent('xây dựng cầu Đình Khao');
    expect(body).toHaveTextContent('Ban Thường vụ Huyện ủy Chợ Lách');
    const source = screen.getByRole('region', { name: 'Câu giao nhiệm vụ trong bài viết' });
    expect(within(source).getByRole('link', { name: /Chợ Lách/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/articles\//),
    );
    const siblings = screen.getByRole('region', { name: 'Nhiệm vụ khác trong cùng bài viết' });
    const links = await within(siblings).findAllByRole('link');
    expect(links.length).toBeGreaterThanOrEqual(12);
    const names = links.map((a) => a.textContent ?? '');
    // A key project says so in words (★ is decoration).
    expect(names).toContain('★ Công trình, dự án trọng điểm: Xây dựng Trung tâm cây giống hoa kiểng');
    expect(names.some((n) => n.includes('cầu Đình Khao'))).toBe(false);
  });

  it('shows a deadline with its original expression', async () => {
    renderApp('/tasks/t-000-01');
    const facts = await screen.findByRole('region', { name: 'Thông tin nhiệm vụ' });
    expect(within(facts).getByText('Thời hạn').closest('div')).toHaveTextContent('quý II → 30/06/2022');
  });

  it('shows the history with what changed, and progress over time with a text alternative', async () => {
    renderApp(`/tasks/${BRIDGE}`);
    const history = await screen.findByRole('region', { name: 'Lịch sử cập nhật' });
    await within(history).findByText(/Cầu Đình Khao thông xe/);
    const items = within(history).getAllByRole('listitem');
    // Newest first: the opening to traffic, with what it changed.
    expect(items[0]).toHaveTextContent('28/10/2025');
    expect(items[0]).toHaveTextContent('Sở Xây dựng tỉnh Vĩnh Long');
    expect(items[0]).toHaveTextContent('Tiến độ: 88% → 95%');
    expect(items[0]).not.toHaveTextContent('Hoàn thành');
    expect(history).toHaveTextContent('Giao nhiệm vụ');
    const chart = screen.getByRole('region', { name: 'Tiến độ theo thời gian' });
    await waitFor(() => expect(chart.querySelector('svg.recharts-surface')).not.toBeNull());
    expect(chart).toHaveTextContent('Từ 0% ngày 22/03/2022 đến 95% ngày 28/10/2025, qua 5 lần cập nhật.');
    const table = within(chart).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 6);
  });

  it('says when there is no such task', async () => {
    renderApp('/tasks/khong-co');
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy nhiệm vụ “khong-co”');
    expect(screen.getByRole('link', { name: 'Về trang tổng quan' })).toBeInTheDocument();
  });

  it('says clearly when the API fails, and offers to retry', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v1/tasks/:id', () => {
        calls += 1;
        return calls === 1 ? new HttpResponse(null, { status: 503 }) : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp(`/tasks/${BRIDGE}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Máy chủ đang gặp sự cố (mã 503)');
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Xây dựng cầu Đình Khao/ })).toBeInTheDocument();
  });

  it('keeps the task on screen when its article fails to load', async () => {
    server.use(http.get('*/api/v1/articles/:id', () => new HttpResponse(null, { status: 500 })));
    renderApp(`/tasks/${BRIDGE}`);
    const source = await screen.findByRole('region', { name: 'Câu giao nhiệm vụ trong bài viết' });
    expect(await within(source).findByRole('alert')).toHaveTextContent('Máy chủ đang gặp sự cố (mã 500)');
    // The quote is still readable.
    expect(source).toHaveTextContent('xây dựng cầu Đình Khao');
    expect(screen.getByRole('heading', { level: 1, name: /Xây dựng cầu Đình Khao/ })).toBeInTheDocument();
  });

  it('reads in English', async () => {
    renderApp('/tasks/t-000-01', { language: 'en' });
    const facts = await screen.findByRole('region', { name: 'Task details' });
    expect(within(facts).getByText('Deadline').closest('div')).toHaveTextContent('quý II → 30/06/2022');
    expect(screen.getByRole('region', { name: 'Record a progress update' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Update history' })).toBeInTheDocument();
  });
});

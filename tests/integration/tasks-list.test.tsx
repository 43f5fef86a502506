/**
 * The task list at /tasks as a user meets it: sortable columns mapped to the API's `sort`, keyboard navigation,
 * pages loaded while scrolling, the empty result, errors, and the selection that bulk actions will use.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { addTask } from '../helpers';
import { renderApp } from '../render';

let requests: URL[] = [];
const record = ({ request }: { request: Request }) => {
  requests.push(new URL(request.url));
};
beforeEach(() => {
  requests = [];
  server.events.on('request:start', record);
});
afterEach(() => {
  server.events.removeListener('request:start', record);
});
const taskRequests = () => requests.filter((u) => u.pathname === '/api/v1/tasks');

const table = () => screen.getByRole('table', { name: /Nhiệm vụ khớp bộ lọc/ });
/** Data rows shown (the header row excluded). */
const dataRows = () =>
  within(table())
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-index'));

describe('task list', () => {
  it('lists the tasks matching the filters, with their locality path, and the API total', async () => {
    renderApp('/tasks?locality=832&era=pre2025&q=cau+dinh+khao');
    expect(await screen.findByRole('heading', { level: 1, name: 'Danh sách nhiệm vụ' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/^\d+ nhiệm vụ$/)).toBeInTheDocument());
    const rows = await waitFor(() => {
      const r = dataRows();
      expect(r.length).toBeGreaterThan(0);
      return r;
    });
    expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('Xây dựng cầu Đình Khao');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Bến Tre › Chợ Lách'));
    const query = taskRequests().at(-1)?.searchParams;
    expect(query?.get('locality')).toBe('832');
    expect(query?.get('q')).toBe('cau dinh khao');
    expect(query?.get('sort')).toBe('deadline');
    expect(query?.get('pageSize')).toBe('200');
    expect(table()).toHaveAttribute('aria-rowcount', String(rows.length + 1));
  });

  it('sorts by a column through the API, and says so with aria-sort and in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/tasks');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const deadline = within(table()).getByRole('columnheader', { name: /Thời hạn/ });
    expect(deadline).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(table()).getByRole('button', { name: /Nhiệm vụ/ }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?sort=title'));
    await waitFor(() => expect(taskRequests().at(-1)?.searchParams.get('sort')).toBe('title'));
    const title = within(table()).getByRole('columnheader', { name: /Nhiệm vụ/ });
    await waitFor(() => expect(title).toHaveAttribute('aria-sort', 'ascending'));
    expect(deadline).not.toHaveAttribute('aria-sort');
    // Rows come back in Vietnamese dictionary order from the API.
    await waitFor(() => {
      const titles = dataRows().map((r) => r.querySelector('a')?.lastChild?.textContent ?? '');
      const sorted = [...titles].sort((a, b) => a.localeCompare(b, 'vi'));
      expect(titles.slice(0, 5)).toEqual(sorted.slice(0, 5));
    });

    await user.click(within(table()).getByRole('button', { name: /Nhiệm vụ/ }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?sort=-title'));
    await waitFor(() => expect(title).toHaveAttribute('aria-sort', 'descending'));

    // Progress sorts the largest first on its first click.
    await user.click(within(table()).getByRole('button', { name: /Tiến độ/ }));
    await waitFor(() => expect(router.state.location.searchStr).toBe('?sort=-progress'));
  });

  it('moves through rows with the arrow keys and opens a task with Enter', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/tasks');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const [first, second] = dataRows() as [HTMLElement, HTMLElement];
    // One row is in the tab order.
    expect(first).toHaveAttribute('tabindex', '0');
    expect(second).toHaveAttribute('tabindex', '-1');
    act(() => first.focus());
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[1]));
    expect(dataRows()[1]).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[0]));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[1]));
    const href = within(dataRows()[1] as HTMLElement)
      .getByRole('link')
      .getAttribute('href');
    expect(href).toMatch(/^\/tasks\/.+/);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(href));
  });

  it('loads the next page when the rows near the end come into view', async () => {
    for (let i = 0; i < 260; i += 1) {
      addTask({ id: `t-${String(i).padStart(4, '0')}`, title: `Nhiệm vụ tải trang ${i}`, category: 'environment' });
    }
    renderApp('/tasks?category=environment');
    await waitFor(() => expect(screen.getByText(/^[\d.]+ nhiệm vụ$/)).toHaveTextContent(/^2\d\d nhiệm vụ$/));
    const total = Number(screen.getByText(/^[\d.]+ nhiệm vụ$/).textContent?.replace(/\D/g, ''));
    expect(taskRequests().filter((u) => u.searchParams.get('page') === '2')).toHaveLength(0);
    // Only the rows in view are in the DOM.
    expect(dataRows().length).toBeLessThan(60);

    const scroller = table().closest('.tasks-scroll') as HTMLElement;
    scroller.scrollTop = 190 * 56;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(taskRequests().some((u) => u.searchParams.get('page') === '2')).toBe(true));
    await waitFor(() => expect(table()).toHaveAttribute('aria-rowcount', String(total + 1)));
    await waitFor(() => expect(dataRows().some((r) => Number(r.dataset.index) >= 200)).toBe(true));
  });

  it('says why the result is empty and offers to clear the filters', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/tasks?q=khong+co+nhiem+vu+nao&timeliness=overdue');
    expect(await screen.findByText('Không có nhiệm vụ nào khớp với bộ lọc.')).toBeInTheDocument();
    expect(
      screen.getByText(/Đang lọc theo: Từ khóa: “khong co nhiem vu nao”; Tình trạng: Đang thực hiện quá hạn/),
    ).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Xóa tất cả bộ lọc' });
    await user.click(clear.at(-1) as HTMLElement);
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
  });

  it('keeps the selection of rows, for bulk actions, and clears it with the filters', async () => {
    const user = userEvent.setup();
    renderApp('/tasks');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const first = dataRows()[0] as HTMLElement;
    const title =
      within(first)
        .getByRole('rowheader')
        .textContent?.replace(/^★\s*Nhiệm vụ trọng điểm:\s*/, '') ?? '';
    await user.click(within(first).getByRole('checkbox'));
    expect(screen.getByText('Đã chọn 1 nhiệm vụ')).toBeInTheDocument();
    expect(within(first).getByRole('checkbox', { name: `Chọn nhiệm vụ: ${title.trim()}` })).toBeChecked();
    // Space on a focused row toggles it too.
    const second = dataRows()[1] as HTMLElement;
    act(() => second.focus());
    await user.keyboard(' ');
    expect(screen.getByText('Đã chọn 2 nhiệm vụ')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bỏ chọn' }));
    expect(screen.queryByText(/Đã chọn/)).toBeNull();
  });

  it('shows the error in Vietnamese with a retry when the API fails, never a blank page', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/api/v1/tasks', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Internal error', status: 500 },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp('/tasks');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Máy chủ đang gặp sự cố (mã 500)');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
  });

  it('reads in English', async () => {
    renderApp('/tasks', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('table', { name: /Tasks matching the filters, sorted by Deadline/ })).toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { dbStore, server } from '../../mocks/node';
import type { Article } from '../../src/api/schemas';
import { addTask } from '../helpers';
import { renderApp } from '../render';

const SEED_TITLE = 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách';

function seedArticle(): Article {
  const found = [...dbStore.get().articles.values()].find((a) => a.title === SEED_TITLE);
  if (!found) throw new Error('seed article missing');
  return found;
}

/** Adds an article to the test database (reset after each test). */
function addArticle(overrides: Partial<Article> & Pick<Article, 'id' | 'title'>): Article {
  const article: Article = {
    publisher: 'Báo mẫu',
    date: '2024-05-10',
    url: null,
    illustrative: true,
    taskIds: [],
    body: 'Nội dung bài viết mẫu.',
    ...overrides,
  };
  dbStore.get().articles.set(article.id, article);
  return article;
}

describe('article list', () => {
  it('lists the articles newest first, marks illustrative samples, and counts their tasks', async () => {
    addArticle({ id: 'a-sample', title: 'Huyện Giồng Trôm sơ kết 6 tháng', date: '2026-07-15' });
    renderApp('/articles');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bài viết và kết luận' })).toBeInTheDocument();
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Huyện Giồng Trôm sơ kết 6 tháng');
    expect(items[0]).toHaveTextContent('Bài mẫu');
    const seed = items.find((li) => li.textContent?.includes(SEED_TITLE)) as HTMLElement;
    expect(seed).not.toHaveTextContent('Bài mẫu');
    expect(seed).toHaveTextContent(`${seedArticle().taskIds.length} nhiệm vụ`);
    expect(within(seed).getByRole('link', { name: SEED_TITLE })).toHaveAttribute(
      'href',
      `/articles/${seedArticle().id}`,
    );
  });

  it('searches accent-insensitively with the shared filter bar and says when nothing matches', async () => {
    const user = userEvent.setup();
    addArticle({ id: 'a-other', title: 'Tỉnh Trà Vinh triển khai chuyển đổi số' });
    const { router } = renderApp('/articles');
    const box = await screen.findByRole('searchbox', { name: 'Tìm kiếm' });
    await user.type(box, 'cho lach');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ q: 'cho lach' }));
    await waitFor(() => expect(screen.queryByText('Tỉnh Trà Vinh triển khai chuyển đổi số')).toBeNull());
    expect(screen.getByRole('link', { name: SEED_TITLE })).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'không hề có');
    expect(await screen.findByText('Không tìm thấy bài viết nào khớp với “không hề có”.')).toBeInTheDocument();
  });

  it('lists only the articles with a task matching the filters (a locality, across the 2025 reform)', async () => {
    renderApp('/articles?locality=22'); // Quảng Ninh
    expect(
      await screen.findByRole('link', {
        name: 'Bí thư Tỉnh ủy Quảng Ninh làm việc với Ban Thường vụ Huyện ủy Vân Đồn',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: SEED_TITLE })).toBeNull();
    expect(screen.getByText('1 bài viết')).toBeInTheDocument();
  });

  it('pages through many articles, with the page in the URL', async () => {
    const user = userEvent.setup();
    for (let i = 1; i <= 25; i += 1) {
      addArticle({ id: `a-${i}`, title: `Bài thử số ${i}`, date: `2025-01-${String(i).padStart(2, '0')}` });
    }
    const { router } = renderApp('/articles');
    const pager = await screen.findByRole('navigation', { name: 'Phân trang' });
    expect(pager).toHaveTextContent('Trang 1/2');
    expect(within(pager).getByRole('button', { name: 'Trang trước' })).toBeDisabled();
    await user.click(within(pager).getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(pager).toHaveTextContent('Trang 2/2'));
    expect(router.state.location.search).toMatchObject({ page: 2 });
    expect(await screen.findByRole('link', { name: SEED_TITLE })).toBeInTheDocument();
  });

  it('says clearly when the API fails, and retries', async () => {
    const user = userEvent.setup();
    let fail = true;
    server.use(http.get('*/api/v1/articles', () => (fail ? new HttpResponse(null, { status: 500 }) : undefined)));
    renderApp('/articles');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Máy chủ đang gặp sự cố (mã 500)');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('link', { name: SEED_TITLE })).toBeInTheDocument();
  });
});

describe('article reader', () => {
  it('highlights every directive, each linked to its task, with a legend of their statuses', async () => {
    const seed = seedArticle();
    renderApp(`/articles/${seed.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    const text = screen.getByRole('region', { name: 'Nội dung bài viết' });
    await waitFor(() => expect(text.querySelectorAll('mark').length).toBeGreaterThanOrEqual(seed.taskIds.length));
    const linked = new Set(
      [...text.querySelectorAll('mark a')].map((a) => a.getAttribute('href')?.replace('/tasks/', '')),
    );
    expect([...linked].sort()).toEqual([...seed.taskIds].sort());
    const bridge = [...text.querySelectorAll('mark')].find((m) => m.textContent === 'xây dựng cầu Đình Khao');
    expect(bridge?.querySelector('a')).toHaveAttribute('href', '/tasks/t-000-09');
    // Open at 95 % and never given a deadline (sample data).
    expect(bridge).toHaveAttribute('data-timeliness', 'no_deadline');

    const side = screen.getByRole('region', { name: 'Nhiệm vụ được giao trong bài' });
    const legend = within(side).getByRole('group', { name: 'Chú giải tình trạng' });
    const total = within(legend)
      .getAllByRole('listitem')
      .map((li) => Number(li.querySelector('strong')?.textContent ?? 0))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(seed.taskIds.length);
    expect(legend).toHaveTextContent('Không có thời hạn');
    expect(within(side).getAllByRole('link')).toHaveLength(seed.taskIds.length);
  });

  it('marks an illustrative sample article as such', async () => {
    addArticle({ id: 'a-ill', title: 'Xã Phú Sơn họp dân về đường giao thông nông thôn' });
    renderApp('/articles/a-ill');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Bài mẫu');
    expect(screen.getByText(/Bài mẫu do nhóm phát triển soạn để minh họa/)).toBeInTheDocument();
    expect(await screen.findByText('Bài viết này chưa có nhiệm vụ nào được ghi nhận.')).toBeInTheDocument();
  });

  it('highlights nested directives (a clause inside a sentence) without losing either', async () => {
    const body = 'Đề nghị huyện tập trung nạo vét kênh Vàm Thơm và hoàn thành trước quý IV.';
    addArticle({ id: 'a-nest', title: 'Bài có hai nhiệm vụ lồng nhau', body, taskIds: ['n-1', 'n-2'] });
    const clause = 'nạo vét kênh Vàm Thơm';
    addTask({
      id: 'n-1',
      articleId: 'a-nest',
      title: 'Cả câu',
      quote: { start: 0, end: body.length, text: body },
    });
    addTask({
      id: 'n-2',
      articleId: 'a-nest',
      title: 'Mệnh đề',
      quote: { start: body.indexOf(clause), end: body.indexOf(clause) + clause.length, text: clause },
    });
    renderApp('/articles/a-nest');
    const text = await screen.findByRole('region', { name: 'Nội dung bài viết' });
    await waitFor(() => expect(text.querySelector('a[href="/tasks/n-2"]')).toHaveTextContent(clause));
    expect(text.querySelector('a[href="/tasks/n-1"]')).not.toBeNull();
    // The body reads in full once the annotations for screen readers and the numbers are set aside.
    const copy = text.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('.visually-hidden, .directive-number, h2')) el.remove();
    expect(copy.textContent).toBe(body);
  });

  it('still shows the text when its tasks cannot be loaded', async () => {
    server.use(http.get('*/api/v1/tasks', () => new HttpResponse(null, { status: 500 })));
    const seed = seedArticle();
    renderApp(`/articles/${seed.id}`);
    expect(
      await screen.findByText(/Không tải được các nhiệm vụ của bài; nội dung bài vẫn hiển thị/),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Nội dung bài viết' })).toHaveTextContent('Đình Khao');
  });

  it('says when there is no such article', async () => {
    renderApp('/articles/khong-co');
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy dữ liệu được yêu cầu.');
    expect(screen.getByRole('link', { name: 'Tất cả bài viết' })).toBeInTheDocument();
  });

  it('reads in English', async () => {
    renderApp(`/articles/${seedArticle().id}`, { language: 'en' });
    expect(await screen.findByRole('region', { name: 'Tasks assigned in the article' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Timeliness legend' })).toHaveTextContent('Done on time');
  });
});

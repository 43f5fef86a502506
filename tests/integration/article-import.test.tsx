import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedArticle } from '../../mocks/data/seed-article';
import { dbStore, server } from '../../mocks/node';
import type { ArticleCreate } from '../../src/api/article-import-schemas';
import { renderApp } from '../render';

/** The seed article as another outlet published it (its own headline): not a duplicate of the sample's a-000. */
const REPUBLISHED = seedArticle.body.replace(/^[^\n]+/, 'Đoàn công tác số 1 của Tỉnh ủy làm việc tại Chợ Lách');
const NEW_TITLE = 'Đoàn công tác số 1 của Tỉnh ủy làm việc tại Chợ Lách';

/** Every article the app sends, by `POST /articles` or in a `POST /articles/batch`, as the server receives it. */
let posted: ArticleCreate[] = [];
/** How many requests of `POST /articles/batch` were sent. */
let batches = 0;
const record = ({ request }: { request: Request }) => {
  if (request.method !== 'POST') return;
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/articles') {
    void request
      .clone()
      .json()
      .then((b: ArticleCreate) => posted.push(b));
  } else if (path === '/api/v1/articles/batch') {
    batches += 1;
    void request
      .clone()
      .json()
      .then((b: { articles: ArticleCreate[] }) => posted.push(...b.articles));
  }
};
beforeEach(() => {
  // Drafts of the forms live in localStorage: each test starts without any.
  localStorage.clear();
  posted = [];
  batches = 0;
  server.events.on('request:start', record);
});
afterEach(() => {
  server.events.removeListener('request:start', record);
});

const cards = () => within(screen.getByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' })).getAllByRole('listitem');
const card = (n: number) => {
  const c = cards()[n - 1];
  if (!c) throw new Error(`no draft ${n}`);
  return within(c);
};

async function pasteAndExtract(user: UserEvent, text: string, publisher = 'Báo Đồng Khởi') {
  const body = await screen.findByRole('textbox', { name: /^Nội dung/ });
  await user.click(body);
  await user.paste(text);
  await user.type(screen.getByLabelText(/^Nguồn/), publisher);
  await user.click(screen.getByRole('button', { name: 'Tìm nhiệm vụ trong bài' }));
  await screen.findByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' }, { timeout: 15_000 });
}

const saveButton = () => screen.getByRole('button', { name: /^Lưu bài viết/ });

describe('adding an article at /articles/new', () => {
  it('finds the drafts in the pasted text, and saves the reviewed ones as tasks', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);

    // The title and date were filled in from the text.
    expect(screen.getByLabelText(/^Tiêu đề/)).toHaveValue(NEW_TITLE);
    expect(screen.getByLabelText(/^Ngày đăng/)).toHaveValue('22/03/2022');
    expect(cards().length).toBeGreaterThanOrEqual(13);
    const found = cards().length;
    // Each draft's words are highlighted in the text.
    expect(document.querySelectorAll('mark.import-mark').length).toBeGreaterThanOrEqual(13);
    expect(
      screen.getByText(`Tìm thấy ${found} nhiệm vụ: 0 đã chấp nhận, ${found} chờ rà soát, 0 đã loại.`),
    ).toBeVisible();

    // Reject the first; edit the title and deadline of the second.
    await user.click(card(1).getByRole('button', { name: 'Loại' }));
    expect(card(1).getByText('Đã loại')).toBeVisible();
    await user.click(card(2).getByRole('button', { name: 'Sửa' }));
    const title = card(2).getByLabelText('Tên nhiệm vụ');
    await user.clear(title);
    await user.type(title, 'Cụ thể hóa chủ đề năm 2022 trong lãnh đạo, chỉ đạo');
    await user.type(card(2).getByLabelText('Thời hạn (như trong bài)'), 'quý III');
    expect(card(2).getByLabelText('Ngày đến hạn')).toHaveValue('30/09/2022');
    await user.click(card(2).getByRole('button', { name: 'Xong' }));

    await user.click(screen.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }));
    expect(saveButton()).toHaveTextContent(`Lưu bài viết và ${found - 1} nhiệm vụ`);
    await user.click(saveButton());

    await screen.findByText(`Đã lưu bài viết “${NEW_TITLE}” và ${found - 1} nhiệm vụ.`, {}, { timeout: 10_000 });
    expect(posted).toHaveLength(1);
    const sent = posted[0]!;
    expect(sent).toMatchObject({ title: NEW_TITLE, date: '2022-03-22', publisher: 'Báo Đồng Khởi', url: null });
    expect(sent.directives).toHaveLength(found - 1);
    // The rejected draft is not sent; the edited one is, with its new title and deadline.
    expect(sent.directives.map((d) => d.title)).not.toContain(
      'Bổ sung, hoàn thiện báo cáo sơ kết quý I-2022 của Huyện ủy',
    );
    expect(sent.directives[0]).toMatchObject({
      title: 'Cụ thể hóa chủ đề năm 2022 trong lãnh đạo, chỉ đạo',
      deadline: { text: 'quý III', date: '2022-09-30' },
      assignee: 'Ban Thường vụ Huyện ủy Chợ Lách',
      localityCodes: ['832'],
    });
    // Every span is the text it claims to be.
    for (const d of sent.directives) {
      expect(sent.body.slice(d.quote.start, d.quote.end)).toBe(d.quote.text);
      if (d.clause) expect(sent.body.slice(d.clause.start, d.clause.end)).toBe(d.clause.text);
    }
    // The three named projects are flagged.
    const flagged = sent.directives.filter((d) => d.flagship).map((d) => d.title);
    expect(flagged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/cầu Đình Khao/),
        expect.stringMatching(/Trung tâm cây giống hoa kiểng/),
        expect.stringMatching(/Làng văn hóa du lịch Chợ Lách/),
      ]),
    );

    // The mock API now holds the article and its new tasks: not started, version 1, assigned on the article's date.
    const db = dbStore.get();
    const article = [...db.articles.values()].find((a) => a.title === NEW_TITLE);
    expect(article?.taskIds).toHaveLength(found - 1);
    const task = db.tasks.get(article!.taskIds[0]!);
    expect(task).toMatchObject({
      status: 'not_started',
      progress: 0,
      version: 1,
      createdAt: '2022-03-22T08:00:00+07:00',
      articleId: article!.id,
    });
    // Links to the new article and its tasks.
    expect(screen.getByRole('link', { name: 'Mở bài viết' })).toHaveAttribute('href', `/articles/${article!.id}`);
    expect(screen.getByRole('link', { name: 'Cụ thể hóa chủ đề năm 2022 trong lãnh đạo, chỉ đạo' })).toHaveAttribute(
      'href',
      `/tasks/${article!.taskIds[0]}`,
    );
  }, 40_000);

  it('merges two drafts into one and splits a draft in two', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    const before = cards().length;
    const quoteOf = (n: number) => cards()[n - 1]!.querySelector('q')!.textContent!;
    const third = quoteOf(3);
    const fourth = quoteOf(4);

    await user.click(card(3).getByRole('button', { name: 'Gộp với nhiệm vụ sau' }));
    expect(cards()).toHaveLength(before - 1);
    // The merged draft quotes both clauses, from the start of the first to the end of the second.
    expect(quoteOf(3).startsWith(third)).toBe(true);
    expect(quoteOf(3).endsWith(fourth)).toBe(true);
    expect(card(3).getByText('Đã sửa')).toBeVisible();

    await user.click(card(3).getByRole('button', { name: 'Tách' }));
    const slider = card(3).getByRole('slider');
    fireEvent.change(slider, { target: { value: '5' } });
    await user.click(card(3).getByRole('button', { name: 'Tách thành hai nhiệm vụ' }));
    expect(cards()).toHaveLength(before);
    await user.click(screen.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }));
    await user.click(saveButton());
    await screen.findByText(/^Đã lưu bài viết/, {}, { timeout: 10_000 });
    expect(posted[0]!.directives).toHaveLength(before);
    const [a, b] = [posted[0]!.directives[2]!, posted[0]!.directives[3]!];
    expect(a.clause!.end).toBeLessThan(b.clause!.start);
    expect(a.quote.start).toBeLessThanOrEqual(a.clause!.start);
  });

  it('refuses the same article twice, with a link to the one already in the tracker', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    // The seed article is already in the sample data (a-000).
    await pasteAndExtract(user, seedArticle.body);
    const warning = await screen.findByText(/Bài viết này có vẻ đã được thêm/);
    expect(within(warning).getByRole('link', { name: seedArticle.title })).toHaveAttribute('href', '/articles/a-000');

    await user.click(screen.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }));
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bài viết này đã được thêm trước đó, nên không lưu lần nữa.');
    expect(within(alert).getByRole('link', { name: `Mở bài viết đã có: ${seedArticle.title}` })).toHaveAttribute(
      'href',
      '/articles/a-000',
    );
    // Nothing was added.
    expect(dbStore.get().articles.size).toBe(12);
  });

  it('shows the fields the server refused inline, in Vietnamese', async () => {
    server.use(
      http.post('*/api/v1/articles', () =>
        HttpResponse.json(
          {
            type: 'https://directive-tracker.example/problems/invalid-request',
            title: 'Invalid field',
            status: 400,
            detail: 'directives.1.localityCodes.0: unknown_locality; publisher: too_long',
            errors: [
              { name: 'directives.1.localityCodes.0', reason: 'unknown_locality' },
              { name: 'publisher', reason: 'too_long' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    await user.click(screen.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }));
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chưa lưu được: 2 chỗ cần sửa');
    expect(alert).toHaveTextContent('Nguồn (báo, cơ quan): Quá dài (tối đa 200 ký tự).');
    // On the field itself.
    const publisher = screen.getByLabelText(/^Nguồn/);
    expect(publisher).toHaveAttribute('aria-invalid', 'true');
    expect(publisher).toHaveAccessibleDescription(/Quá dài \(tối đa 200 ký tự\)\./);
    // On the draft it was sent from (the second accepted), whose editor opens.
    const message = card(2).getByText('Địa bàn không có trong danh mục đơn vị hành chính tại thời điểm đăng bài.');
    expect(message).toBeVisible();
    expect(card(2).getByLabelText('Tên nhiệm vụ')).toBeVisible();
  });

  it('checks the contract before sending: a deadline before the article is refused without a request', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    await user.click(card(1).getByRole('button', { name: 'Sửa' }));
    await user.clear(card(1).getByLabelText('Ngày đến hạn'));
    await user.type(card(1).getByLabelText('Ngày đến hạn'), '31/12/2021');
    await user.click(card(1).getByRole('button', { name: 'Chấp nhận' }));
    await user.click(saveButton());
    expect(await card(1).findByText('Thời hạn không được trước ngày đăng bài.')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Nhiệm vụ 1 — Thời hạn: Thời hạn không được trước ngày đăng bài.',
    );
    expect(posted).toHaveLength(0);
  });

  it('refuses a typed date the calendar does not have, on the article and on a draft, and keeps the review', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    const published = screen.getByLabelText(/^Ngày đăng/);
    await user.clear(published);
    await user.type(published, '31/06/2022');
    await user.click(card(1).getByRole('button', { name: 'Sửa' }));
    await user.clear(card(1).getByLabelText('Ngày đến hạn'));
    await user.type(card(1).getByLabelText('Ngày đến hạn'), '30/2/2023');
    await user.click(card(1).getByRole('button', { name: 'Chấp nhận' }));
    await user.click(saveButton());
    expect(await screen.findByText('Không có ngày 31/06/2022 trên lịch: hãy xem lại ngày và tháng.')).toBeVisible();
    expect(card(1).getByText('Không có ngày 30/2/2023 trên lịch: hãy xem lại ngày và tháng.')).toBeVisible();
    expect(posted).toHaveLength(0);
    expect(published).toHaveValue('31/06/2022');
    // Typed right, the article's date is the one it held before: its message goes and the article is saved.
    await user.clear(published);
    await user.type(published, '22/03/2022');
    expect(screen.queryByText(/Không có ngày 31\/06\/2022/)).toBeNull();
    await user.clear(card(1).getByLabelText('Ngày đến hạn'));
    await user.type(card(1).getByLabelText('Ngày đến hạn'), '28/02/2023');
    await user.click(saveButton());
    await waitFor(() => expect(posted).toHaveLength(1));
  });

  it('keeps every edit when saving fails, and saves on retry', async () => {
    server.use(http.post('*/api/v1/articles', () => HttpResponse.json({}, { status: 503 }), { once: true }));
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    await user.click(card(1).getByRole('button', { name: 'Loại' }));
    await user.click(card(2).getByRole('button', { name: 'Sửa' }));
    const title = card(2).getByLabelText('Tên nhiệm vụ');
    await user.clear(title);
    await user.type(title, 'Tiêu đề đã sửa tay');
    await user.click(screen.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }));
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chưa lưu được. Mọi chỉnh sửa vẫn còn nguyên.');
    expect(alert).toHaveTextContent('Máy chủ đang gặp sự cố (mã 503)');
    // The review is as it was.
    expect(card(1).getByText('Đã loại')).toBeVisible();
    expect(card(2).getByLabelText('Tên nhiệm vụ')).toHaveValue('Tiêu đề đã sửa tay');
    expect(screen.getByLabelText(/^Nguồn/)).toHaveValue('Báo Đồng Khởi');

    await user.click(within(alert).getByRole('button', { name: 'Thử lưu lại' }));
    await screen.findByText(/^Đã lưu bài viết/, {}, { timeout: 10_000 });
    expect(posted.at(-1)!.directives[0]!.title).toBe('Tiêu đề đã sửa tay');
  });

  it('offers to find the tasks again when the date changes after the review began', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    expect(card(1).getByText('quý II (30/06/2022)')).toBeVisible();
    await user.clear(screen.getByLabelText(/^Ngày đăng/));
    await user.type(screen.getByLabelText(/^Ngày đăng/), '10/01/2023');
    expect(
      screen.getByText(
        /Ngày đăng đã đổi: thời hạn và địa bàn của các nhiệm vụ dưới đây được tính theo ngày 22\/03\/2022/,
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Tìm lại nhiệm vụ theo ngày mới' }));
    // "quý II" now means the second quarter of 2023.
    await waitFor(() => expect(card(1).getByText('quý II (30/06/2023)')).toBeVisible());
    expect(screen.queryByText(/Ngày đăng đã đổi/)).toBeNull();
  });

  it('asks for a text and a date before looking for tasks', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    await user.click(await screen.findByRole('button', { name: 'Tìm nhiệm vụ trong bài' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Hãy dán nội dung bài viết hoặc mở một tệp.');
    await user.click(screen.getByRole('textbox', { name: /^Nội dung/ }));
    await user.paste('Huyện cần tập trung nâng cấp đường giao thông nông thôn.');
    await user.click(screen.getByRole('button', { name: 'Tìm nhiệm vụ trong bài' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Hãy nhập ngày đăng');
    // A date that does not exist is said on the field, not taken as no date at all.
    await user.type(screen.getByLabelText(/^Ngày đăng/), '31/06/2022');
    await user.click(screen.getByRole('button', { name: 'Tìm nhiệm vụ trong bài' }));
    expect(screen.getByLabelText(/^Ngày đăng/)).toHaveAccessibleDescription(
      /Không có ngày 31\/06\/2022 trên lịch: hãy xem lại ngày và tháng\./,
    );
    expect(screen.getByLabelText(/^Ngày đăng/)).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' })).toBeNull();
  });

  it('opens a .html file as text, without its scripts', async () => {
    const user = userEvent.setup();
    renderApp('/articles/new');
    const html = `<!doctype html><html><head><title>Bài HTML thử</title><script>window.hacked = true</script>
      <meta property="article:published_time" content="2022-03-22T19:23:00+07:00"></head>
      <body><nav>Trang chủ</nav><h1>Bài HTML thử</h1><p>Bí thư Tỉnh ủy đề nghị huyện Chợ Lách <b>xây dựng cầu Đình Khao</b>.</p>
      <style>p { color: red }</style><img src="x" onerror="window.hacked = true"></body></html>`;
    const file = new File([html], 'bai.html', { type: 'text/html' });
    await user.upload(await screen.findByLabelText('Mở tệp (.txt, .html)'), file);
    const area = screen.getByRole('textbox', { name: /^Nội dung/ }) as HTMLTextAreaElement;
    await waitFor(() => expect(area.value).toContain('xây dựng cầu Đình Khao'));
    const text = area.value;
    expect(text).not.toMatch(/hacked|color: red|Trang chủ|<p>/);
    expect(screen.getByLabelText(/^Tiêu đề/)).toHaveValue('Bài HTML thử');
    expect(screen.getByLabelText(/^Ngày đăng/)).toHaveValue('22/03/2022');
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('is reached from the article list and works in English', async () => {
    const user = userEvent.setup();
    renderApp('/articles', { language: 'en' });
    await user.click(await screen.findByRole('link', { name: 'Add an article' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Add an article' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Import many' })).toHaveAttribute('href', '/articles/import');
  });
});

describe('what is typed at /articles/new is never lost, and never too much (issue #11)', () => {
  it('says at once that a 20 MB paste is over the limit, and keeps the page as it was', async () => {
    renderApp('/articles/new');
    const body = await screen.findByRole('textbox', { name: /^Nội dung/ });
    const huge = 'Ủy ban nhân dân tỉnh yêu cầu các sở, ngành khẩn trương triển khai. '.repeat(300_000);
    expect(huge.length).toBeGreaterThan(20_000_000);
    fireEvent.paste(body, { clipboardData: { getData: () => huge } });
    expect(screen.getByRole('alert')).toHaveTextContent(/quá giới hạn 1\.000\.000 ký tự/);
    expect(body).toHaveValue('');
  });

  it('keeps the pasted article and the review as a draft across leaving the page and coming back', async () => {
    const user = userEvent.setup();
    const first = renderApp('/articles/new');
    await pasteAndExtract(user, REPUBLISHED);
    const found = cards().length;
    await user.click(card(1).getByRole('button', { name: /^Chấp nhận/ }));
    first.unmount();

    const user2 = userEvent.setup();
    renderApp('/articles/new');
    expect(await screen.findByText(/Đã khôi phục nội dung bài viết bạn nhập dở lúc/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Tiêu đề/)).toHaveValue(NEW_TITLE);
    expect(screen.getByLabelText(/^Nguồn/)).toHaveValue('Báo Đồng Khởi');
    expect(cards()).toHaveLength(found);
    // Discarding starts afresh.
    await user2.click(screen.getByRole('button', { name: 'Bỏ nội dung nhập dở' }));
    expect(await screen.findByRole('textbox', { name: /^Nội dung/ })).toHaveValue('');
    expect(localStorage.getItem('directive-tracker.draft.article-new')).toBeNull();
  });
});

describe('bulk import at /articles/import', () => {
  it('imports each article of a JSON file, reports duplicates and bad entries, and keeps going', async () => {
    const user = userEvent.setup();
    renderApp('/articles/import');
    const articles = [
      {
        title: NEW_TITLE,
        date: '2022-03-22',
        publisher: 'Báo Đồng Khởi',
        url: 'https://baodongkhoi.vn/a-1',
        body: REPUBLISHED,
      },
      { title: seedArticle.title, date: '2022-03-22', publisher: 'Báo Đồng Khởi', url: null, body: seedArticle.body },
      { title: 'Không có ngày', publisher: 'Báo X', body: 'Nội dung không có ngày tháng nào.' },
      {
        title: 'Kết luận không giao việc',
        date: '2023-05-04',
        publisher: 'Cổng TTĐT',
        body: 'Hội nghị đã diễn ra thành công tốt đẹp.',
      },
    ];
    const json = new File([JSON.stringify(articles)], 'bai-viet.json', { type: 'application/json' });
    const broken = new File(['{ not json'], 'hong.json', { type: 'application/json' });
    await user.upload(await screen.findByLabelText('Chọn tệp'), [json, broken]);

    const table = await screen.findByRole('table', { name: 'Các bài viết đọc được từ tệp đã chọn' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
    expect(within(table).getByText('Lỗi: không xác định được ngày đăng', { exact: false })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Nhập 3 bài viết' }));

    await screen.findByText(/^Kết quả: 2 bài đã nhập/, {}, { timeout: 15_000 });
    expect(screen.getByText('Kết quả: 2 bài đã nhập (13 nhiệm vụ), 1 bài trùng, 2 bài lỗi.')).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ nhập' })).toHaveAttribute('value', '5');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Đã tạo 13 nhiệm vụ');
    expect(rows[1]).toHaveTextContent('Trùng với bài đã có');
    expect(within(rows[1]!).getByRole('link', { name: seedArticle.title })).toHaveAttribute('href', '/articles/a-000');
    expect(rows[2]).toHaveTextContent('Lỗi: không xác định được ngày đăng');
    expect(rows[3]).toHaveTextContent('Đã tạo 0 nhiệm vụ');
    expect(rows[4]).toHaveTextContent('Lỗi: JSON không hợp lệ');
    expect(screen.getByRole('button', { name: 'Tải báo cáo lỗi (CSV)' })).toBeVisible();
    expect(posted).toHaveLength(3);
    // Sent in batches (the first may leave alone, before the others are analysed): fewer requests than articles.
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(3);
  });

  it('keeps only the drafts at or above the confidence threshold', async () => {
    const user = userEvent.setup();
    renderApp('/articles/import');
    const csv = `title,date,publisher,url,body\n"${NEW_TITLE}",22/03/2022,Báo Đồng Khởi,,"${REPUBLISHED.replaceAll('"', '""')}"\n`;
    await user.upload(await screen.findByLabelText('Chọn tệp'), new File([csv], 'bai.csv', { type: 'text/csv' }));
    fireEvent.change(screen.getByLabelText(/^Ngưỡng độ tin cậy/), { target: { value: '80' } });
    expect(screen.getByLabelText('Ngưỡng độ tin cậy: 80%')).toBeDefined();
    await user.click(await screen.findByRole('button', { name: 'Nhập 1 bài viết' }));
    await screen.findByText(/^Kết quả: 1 bài đã nhập/, {}, { timeout: 15_000 });
    const sent = posted[0]!;
    expect(sent.directives.length).toBeGreaterThan(0);
    expect(sent.directives.length).toBeLessThan(13);
    expect(screen.getByText(/bỏ qua \d+ dưới ngưỡng/)).toBeVisible();
  });
});

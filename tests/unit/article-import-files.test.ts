// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  entryFromFields,
  parseCsvArticles,
  parseDateField,
  parseJsonArticles,
  readBulkFiles,
} from '../../src/features/article-import/utils/bulk-parse';
import { htmlToText, looksLikeHtml } from '../../src/features/article-import/utils/html-to-text';
import {
  decodeBytes,
  FileReadError,
  guessFromText,
  guessTitle,
  looksBinary,
  readArticleFile,
} from '../../src/features/article-import/utils/read-file';

const defaults = { publisher: 'Báo Đồng Khởi' };

describe('HTML → text', () => {
  it('keeps the text, drops scripts, styles, navigation and hidden parts, and never runs anything', () => {
    const html = `<!doctype html><html><head><title>Tiêu đề trang</title>
      <script>globalThis.ran = true</script><style>.x{color:red}</style></head>
      <body onload="globalThis.ran = true"><nav><a href="/">Trang chủ</a></nav>
      <article><h1>Làm việc với huyện Chợ Lách</h1>
      <p>Bí thư đề nghị huyện <strong>xây dựng</strong> cầu Đình Khao.</p>
      <p hidden>Ẩn</p><div aria-hidden="true">Quảng cáo</div>
      <ul><li>Một</li><li>Hai</li></ul>
      <p>Dòng một<br>Dòng hai</p>
      <noscript>Bật JavaScript</noscript><template><p>Mẫu</p></template>
      <img src="x" onerror="globalThis.ran = true"><iframe src="https://example.com"></iframe>
      </article></body></html>`;
    const page = htmlToText(html);
    expect(page.text).toBe(
      'Làm việc với huyện Chợ Lách\n\nBí thư đề nghị huyện xây dựng cầu Đình Khao.\n\nMột\n\nHai\n\nDòng một\nDòng hai',
    );
    expect(page.title).toBe('Tiêu đề trang');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('reads the metadata a news page carries', () => {
    const page = htmlToText(`<html><head>
      <meta property="og:title" content="  Tỉnh ủy làm việc với Chợ Lách ">
      <meta property="og:site_name" content="Báo Đồng Khởi">
      <meta property="article:published_time" content="2022-03-22T19:23:00+07:00">
      <link rel="canonical" href="https://baodongkhoi.vn/tinh-uy-lam-viec-22032022-a1.html">
      </head><body><p>Nội dung.</p></body></html>`);
    expect(page).toMatchObject({
      title: 'Tỉnh ủy làm việc với Chợ Lách',
      publisher: 'Báo Đồng Khởi',
      date: '2022-03-22',
      url: 'https://baodongkhoi.vn/tinh-uy-lam-viec-22032022-a1.html',
    });
  });

  it('refuses a non-web canonical link and collapses white space, NFC-normalised', () => {
    const page = htmlToText(
      '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>  Hue\u0300  \n  tre\u0302n  </p></body></html>',
    );
    expect(page.url).toBeNull();
    expect(page.text).toBe('Huè trên');
  });

  it('tells HTML from text', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('  <p>Đoạn</p>')).toBe(true);
    expect(looksLikeHtml('Bài viết có dấu < và > trong câu.')).toBe(false);
  });
});

describe('reading files', () => {
  it('decodes UTF-8 (with or without BOM), UTF-16 and, failing UTF-8, Windows-1258', () => {
    const utf8 = new TextEncoder().encode('Tỉnh ủy');
    expect(decodeBytes(utf8)).toEqual({ text: 'Tỉnh ủy', legacy: false });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('Tỉnh ủy');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0xc9, 0x1e]);
    expect(decodeBytes(utf16)).toEqual({ text: 'Tỉ', legacy: false });
    // "Tỉnh" in Windows-1258: T, ì with a combining hook (0xD2), n, h — not valid UTF-8.
    const legacy = decodeBytes(new Uint8Array([0x54, 0x69, 0xd2, 0x6e, 0x68]));
    expect(legacy.legacy).toBe(true);
    expect(legacy.text.normalize('NFC')).toBe('Tỉnh');
  });

  it('guesses the title from the first line and the date from the top of the text', () => {
    const text = '\n  Ban Thường vụ Tỉnh ủy làm việc với huyện Chợ Lách  \n22/03/2022 - 19:23\n\nNội dung…';
    expect(guessFromText(text)).toMatchObject({
      title: 'Ban Thường vụ Tỉnh ủy làm việc với huyện Chợ Lách',
      date: '2022-03-22',
      url: null,
    });
    expect(guessTitle(`${'chữ '.repeat(200)}`).length).toBeLessThanOrEqual(300);
  });

  it('opens .txt and .html, refuses other types, empty and oversized files', async () => {
    const txt = await readArticleFile(new File(['Tiêu đề\n\nNội dung'], 'a.txt'));
    expect(txt.text).toBe('Tiêu đề\n\nNội dung');
    const html = await readArticleFile(new File(['<title>T</title><p>Nội dung</p>'], 'a.htm'));
    expect(html).toMatchObject({ text: 'Nội dung', title: 'T' });
    await expect(readArticleFile(new File(['x'], 'a.pdf'))).rejects.toMatchObject({ reason: 'unsupported' });
    await expect(readArticleFile(new File(['   \n'], 'a.txt'))).rejects.toBeInstanceOf(FileReadError);
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.txt');
    await expect(readArticleFile(big)).rejects.toMatchObject({ reason: 'too_big' });
  });
});

describe('files that are not text (issue #11)', () => {
  const utf16 = (text: string, be = false) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      out[2 * i + (be ? 1 : 0)] = c & 0xff;
      out[2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  const article = 'Bí thư Tỉnh ủy đề nghị huyện Chợ Lách xây dựng cầu Đình Khao trong quý II/2022.';

  it('reads UTF-16 without a byte-order mark, little- and big-endian', () => {
    expect(decodeBytes(utf16(article)).text).toBe(article);
    expect(decodeBytes(utf16(article, true)).text).toBe(article);
  });

  it('refuses random bytes, a program renamed .txt and NUL-filled text, with a sentence', async () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0]);
    const nul = new TextEncoder().encode(`${article}\u0000\u0000${article}`);
    for (const [name, bytes] of [
      ['ngau-nhien.txt', random],
      ['chuong-trinh.txt', elf],
      ['co-nul.txt', nul],
    ] as const) {
      const error = await readArticleFile(new File([bytes], name)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(FileReadError);
      expect((error as FileReadError).reason, name).toBe('binary');
    }
    expect(looksBinary(article)).toBe(false);
    expect(looksBinary(`${article}\n\tDòng hai\r\n`)).toBe(false);
  });
});

describe('CSV and JSON of articles', () => {
  it('parses dates as YYYY-MM-DD or dd/mm/yyyy, and refuses impossible ones', () => {
    expect(parseDateField('2022-03-22')).toBe('2022-03-22');
    expect(parseDateField('22/3/2022')).toBe('2022-03-22');
    expect(parseDateField('22-03-2022')).toBe('2022-03-22');
    expect(parseDateField('2022-03-22T10:00:00Z')).toBe('2022-03-22');
    expect(parseDateField('31/02/2022')).toBeNull();
    expect(parseDateField('hôm qua')).toBeNull();
  });

  it('reads a CSV with a header row, quoted multi-line bodies, a BOM and columns in any order', () => {
    const csv =
      '\ufeffBody,Title,date,url,publisher\r\n' +
      '"Dòng đầu\n\nBí thư đề nghị huyện ""tập trung"" làm tốt.",Bài một,22/03/2022,https://a.vn/1,Báo A\r\n' +
      '"Bài hai\n05/04/2023\nNội dung",,,,\r\n';
    const entries = parseCsvArticles(csv, 'bai.csv', defaults);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      file: 'bai.csv',
      row: 2,
      title: 'Bài một',
      date: '2022-03-22',
      publisher: 'Báo A',
      url: 'https://a.vn/1',
      body: 'Dòng đầu\n\nBí thư đề nghị huyện "tập trung" làm tốt.',
      problem: null,
    });
    // Missing title and date come from the body; a missing publisher from the default.
    expect(entries[1]).toMatchObject({ row: 3, title: 'Bài hai', date: '2023-04-05', publisher: 'Báo Đồng Khởi' });
  });

  it('names what is wrong with each row, and a CSV without a body column', () => {
    const csv =
      'title,date,publisher,url,body\nA,2022-13-01,P,,Nội dung\nB,2022-01-01,P,ftp://x,Nội dung\nC,2022-01-01,P,,\n';
    expect(parseCsvArticles(csv, 'x.csv', defaults).map((e) => e.problem)).toEqual([
      'bad_date',
      'bad_url',
      'missing_body',
    ]);
    expect(parseCsvArticles('title,date\nA,2022-01-01\n', 'x.csv', defaults)[0]!.problem).toBe('missing_columns');
    expect(parseCsvArticles('', 'x.csv', defaults)[0]!.problem).toBe('bad_csv');
  });

  it('reads a JSON array (or { articles: [...] }), one entry per item, problems per item', () => {
    const json = JSON.stringify({
      articles: [
        { title: 'A', date: '2022-03-22', publisher: 'P', url: null, body: 'Nội dung A' },
        { title: 'B', body: 'Không ngày' },
        'không phải đối tượng',
      ],
    });
    const entries = parseJsonArticles(json, 'a.json', { publisher: '' });
    expect(entries.map((e) => [e.row, e.problem])).toEqual([
      [1, null],
      [2, 'no_date'],
      [3, 'missing_body'],
    ]);
    expect(parseJsonArticles('{oops', 'a.json', defaults)[0]!.problem).toBe('bad_json');
    expect(parseJsonArticles('{"x":1}', 'a.json', defaults)[0]!.problem).toBe('bad_json');
    expect(parseJsonArticles('[]', 'a.json', defaults)[0]!.problem).toBe('no_articles');
  });

  it('needs a publisher when neither the entry nor the default names one', () => {
    const e = entryFromFields({ body: 'Nội dung', date: '2022-01-01' }, { file: 'f', row: 1 }, { publisher: ' ' });
    expect(e.problem).toBe('no_publisher');
  });

  it('reads several files; one bad file becomes one entry with its problem and the others go on', async () => {
    const entries = await readBulkFiles(
      [
        new File(['Bài một\n22/03/2022\n\nNội dung'], 'mot.txt'),
        new File(['{ hỏng'], 'hong.json'),
        new File(['x'], 'anh.png'),
        new File(
          ['<html><head><title>Bài hai</title></head><body><p>05/04/2023</p><p>Nội dung</p></body></html>'],
          'hai.html',
        ),
      ],
      defaults,
    );
    expect(entries.map((e) => [e.file, e.title, e.date, e.problem])).toEqual([
      ['mot.txt', 'Bài một', '2022-03-22', null],
      ['hong.json', '', '', 'bad_json'],
      ['anh.png', '', '', 'unsupported'],
      ['hai.html', 'Bài hai', '2023-04-05', null],
    ]);
    expect(entries[3]!.body).toBe('05/04/2023\n\nNội dung');
  });
});

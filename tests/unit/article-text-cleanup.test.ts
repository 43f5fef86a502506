// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articleFingerprint } from '../../src/api/article-import-schemas';
import { cleanArticleText, htmlToText } from '../../src/features/article-import/utils/html-to-text';

describe('article text at import: the page leftovers go', () => {
  it('drops share and comment widgets, and a caption given twice, and keeps every sentence of the article', () => {
    const text = [
      'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách',
      'Đại biểu tham gia đóng góp ý kiến.',
      'Đại biểu tham gia đóng góp ý kiến.',
      'Huyện tiếp tục phối hợp với tỉnh xây dựng cầu Đình Khao.',
      'Tin, ảnh: Thanh Đồng',
      'Chia sẻ bài viết',
      'BÌNH LUẬN',
    ].join('\n\n');
    expect(cleanArticleText(text)).toBe(
      [
        'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách',
        'Đại biểu tham gia đóng góp ý kiến.',
        'Huyện tiếp tục phối hợp với tỉnh xây dựng cầu Đình Khao.',
        'Tin, ảnh: Thanh Đồng',
      ].join('\n\n'),
    );
    // A sentence that merely mentions comments is the article's own.
    expect(cleanArticleText('Bình luận của đại biểu được tiếp thu.')).toBe('Bình luận của đại biểu được tiếp thu.');
  });

  it('is applied when an HTML page is read', () => {
    const page = htmlToText(
      '<html><body><article><p>Huyện cần cụ thể hóa chủ đề năm.</p><figure><figcaption>Toàn cảnh buổi làm việc.</figcaption></figure><p>Toàn cảnh buổi làm việc.</p><div class="share">Chia sẻ bài viết</div><h3>BÌNH LUẬN</h3></article></body></html>',
    );
    expect(page.text).toBe('Huyện cần cụ thể hóa chủ đề năm.\n\nToàn cảnh buổi làm việc.');
  });
});

describe('the duplicate check sees through the page leftovers', () => {
  it('gives one fingerprint to an article pasted with its widgets and captions and to the same article clean', () => {
    const clean = 'Huyện cần cụ thể hóa chủ đề năm.\n\nĐại biểu tham gia đóng góp ý kiến.\n\nXây dựng cầu Đình Khao.';
    const pasted =
      'Huyện cần cụ thể hóa chủ đề năm.\nĐại biểu tham gia đóng góp ý kiến.\nĐại biểu tham gia đóng góp ý kiến.\n' +
      'Xây dựng cầu Đình Khao.\nChia sẻ bài viết\nBÌNH LUẬN\n';
    expect(articleFingerprint(pasted, '2022-03-22')).toBe(articleFingerprint(clean, '2022-03-22'));
    // A different article (a sentence more) is not the same.
    expect(articleFingerprint(`${clean}\n\nThêm một nhiệm vụ.`, '2022-03-22')).not.toBe(
      articleFingerprint(clean, '2022-03-22'),
    );
  });
});

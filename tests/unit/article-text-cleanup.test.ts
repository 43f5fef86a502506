// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
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

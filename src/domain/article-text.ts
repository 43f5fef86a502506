/**
 * What an import keeps of an article's text: the page's leftovers go. Shared by the HTML reader (the import screens),
 * the sample data and the duplicate check (`articleFingerprint`), so one article pasted with or without its page's
 * widgets is recognised as the same.
 */

/** Lines a news page leaves around its article: share and comment widgets, "related" headings, navigation. */
const LEFTOVERS = new Set(
  [
    'chia sẻ',
    'chia sẻ bài viết',
    'chia sẻ bài viết:',
    'bình luận',
    'gửi bình luận',
    'ý kiến bạn đọc',
    'viết bình luận',
    'bài viết liên quan',
    'tin liên quan',
    'tin cùng chuyên mục',
    'xem thêm',
    'đọc tiếp',
    'in bài viết',
    'lên đầu trang',
    'quay lại',
    'từ khóa',
    'tags',
  ].map((s) => s.normalize('NFC')),
);

/**
 * The article without the page's leftovers: paragraphs that are only a widget's words ("Chia sẻ bài viết",
 * "BÌNH LUẬN"), and a paragraph that repeats the one before it (a photo caption given twice).
 */
export function cleanArticleText(text: string): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const p = paragraph.trim();
    if (!p) continue;
    if (LEFTOVERS.has(p.toLocaleLowerCase('vi').normalize('NFC'))) continue;
    if (out.length > 0 && out[out.length - 1] === p) continue;
    out.push(p);
  }
  return out.join('\n\n');
}

import { describe, expect, it } from 'vitest';
import { WALL_TITLE_MAX, wallTitle } from '../../src/features/presentation/utils/shape';

describe('wallTitle', () => {
  it('keeps every real title whole', () => {
    const t = 'Đề án vùng sản xuất cây giống, hoa kiểng chất lượng cao xã Phú Phụng';
    expect(wallTitle(t)).toBe(t);
    expect(wallTitle('x'.repeat(WALL_TITLE_MAX))).toBe('x'.repeat(WALL_TITLE_MAX));
  });

  it('cuts a runaway title at a word, with an ellipsis', () => {
    const unit = 'Xây dựng cầu Đình Khao ';
    const shown = wallTitle(unit.repeat(500));
    expect(shown.length).toBeLessThanOrEqual(WALL_TITLE_MAX + 1);
    expect(shown.endsWith('…')).toBe(true);
    const kept = shown.slice(0, -1);
    expect(unit.repeat(500).startsWith(kept)).toBe(true);
    // At a word: the original goes on with a space right after what is kept.
    expect(unit.repeat(500)[kept.length]).toBe(' ');
  });

  it('cuts a title without spaces at the limit', () => {
    expect(wallTitle('a'.repeat(10_000))).toBe(`${'a'.repeat(WALL_TITLE_MAX)}…`);
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVi, fold, matchesQuery } from '../../src/domain/text';

describe('fold', () => {
  it('strips tone and vowel marks, maps đ/Đ to d and lower-cases', () => {
    expect(fold('cầu Đình Khao')).toBe('cau dinh khao');
    expect(fold('Trung tâm cây giống HOA KIỂNG')).toBe('trung tam cay giong hoa kieng');
    expect(fold('  Chợ   Lách ')).toBe('cho lach');
  });

  it('gives the same result for NFC and NFD input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyAĂÂĐđ ̣̀́̉̃ầẩẫấậởỡ'.split('')) }), (s) => {
        expect(fold(s.normalize('NFC'))).toBe(fold(s.normalize('NFD')));
      }),
    );
  });
});

describe('matchesQuery', () => {
  it('matches every word of the query anywhere in the folded text', () => {
    const hay = fold('Xây dựng cầu Đình Khao với tỉnh');
    expect(matchesQuery(hay, 'cau dinh khao')).toBe(true);
    expect(matchesQuery(hay, 'Khao cầu')).toBe(true);
    expect(matchesQuery(hay, 'cầu Hàm Luông')).toBe(false);
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese dictionary order', () => {
    const words = ['Đồng Tháp', 'Bến Tre', 'Ân Thi', 'An Giang', 'Dầu Tiếng', 'Cà Mau'];
    expect([...words].sort(compareVi)).toEqual(['An Giang', 'Ân Thi', 'Bến Tre', 'Cà Mau', 'Dầu Tiếng', 'Đồng Tháp']);
  });
});

// @vitest-environment jsdom
/**
 * English is loaded when it is chosen (src/i18n/i18n.ts): not in the entry, yet never a wrong label for long.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { createI18n, setLanguage } from '../../src/i18n/i18n';

describe('languages', () => {
  it('switches to English once its messages have loaded, and <html lang> follows', async () => {
    const i18n = createI18n('vi');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.t('app.nav.overview')).toBe('Tổng quan');
    await setLanguage(i18n, 'en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.nav.overview')).toBe('Overview');
    expect(document.documentElement.lang).toBe('en');
    await setLanguage(i18n, 'vi');
    expect(i18n.t('app.nav.overview')).toBe('Tổng quan');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('keeps the choice at once, before the messages have loaded (a reload meanwhile opens in that language)', async () => {
    const i18n = createI18n('vi');
    const switching = setLanguage(i18n, 'en');
    expect(localStorage.getItem('directive-tracker.language')).toBe('en');
    await switching;
    await setLanguage(i18n, 'vi');
  });

  it('starts in English at once when its messages are given, and loads them itself when not', async () => {
    expect(createI18n('en', { en }).t('app.nav.overview')).toBe('Overview');
    const later = createI18n('en');
    await new Promise<void>((resolve) => later.on('languageChanged', () => resolve()));
    expect(later.t('app.nav.overview')).toBe('Overview');
  });
});

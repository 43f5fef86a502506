import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Messages, vi } from './vi';
import type { viMore } from './vi-more';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'directive-tracker.language';

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Stores the language chosen for the next visits. */
function remember(lng: string) {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/** Keeps `<html lang>` and the stored choice in step with the language. */
function onLanguage(lng: string) {
  document.documentElement.lang = lng;
  remember(lng);
}

/**
 * The messages of a language. Vietnamese is in the first screen's code, but for the other screens' sections
 * (vi-more.ts, `moreMessages`); English (about 10 kB gzip) is a chunk of its own, loaded when it is first chosen, or
 * before the first render for someone who chose it earlier (src/main.tsx).
 */
export async function loadMessages(language: Language): Promise<Messages> {
  return language === 'en' ? (await import('./en')).en : { ...vi, ...(await moreMessages()) };
}

let more: Promise<typeof viMore> | null = null;
let moreLoaded: typeof viMore | null = null;

/** The Vietnamese messages of the screens other than the overview (vi-more.ts), loaded once. */
export function moreMessages(): Promise<typeof viMore> {
  more ??= import('./vi-more').then((m) => {
    moreLoaded = m.viMore;
    return m.viMore;
  });
  return more;
}

/**
 * A lazy route's loader that also waits for the Vietnamese messages of the other screens (vi-more.ts), so the
 * screen's first render has its texts. A failed messages chunk does not fail the screen (its keys would show).
 */
export function withMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), moreMessages().catch(() => undefined)]).then(([module]) => module);
}

/**
 * An i18n instance in `language`, with the messages of the languages given in `loaded` (Vietnamese is always
 * there). A language whose messages are not given starts in Vietnamese and switches once they have loaded.
 */
export function createI18n(language: Language = storedLanguage(), loaded: Partial<Record<Language, Messages>> = {}) {
  const instance = i18next.createInstance();
  // Vietnamese in full once the other screens' messages have loaded (a second instance, the tests); else added below.
  const resources: Resource = { vi: { translation: moreLoaded ? { ...vi, ...moreLoaded } : vi } };
  for (const lng of LANGUAGES) {
    const messages = loaded[lng];
    if (messages) resources[lng] = { translation: messages };
  }
  const ready = resources[language] !== undefined;
  void instance.use(initReactI18next).init({
    resources,
    lng: ready ? language : 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  // The other screens' Vietnamese messages, as soon as the app has started: deep, over the navigation's labels. Their
  // screens' routes wait for them (`withMessages`); nothing on the overview uses them.
  if (!moreLoaded) {
    moreMessages().then(
      (m) => instance.addResourceBundle('vi', 'translation', m, true, true),
      (error: unknown) => console.error(error),
    );
  }
  document.documentElement.lang = ready ? language : 'vi';
  instance.on('languageChanged', onLanguage);
  if (!ready) void setLanguage(instance, language);
  return instance;
}

/** Switches the interface to `language`, loading its messages first when they are not there yet. */
export async function setLanguage(instance: I18n, language: Language): Promise<void> {
  // The choice is kept at once, not once its messages are there: a reload meanwhile opens in that language.
  remember(language);
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await loadMessages(language));
  }
  await instance.changeLanguage(language);
}

/** BCP 47 locale for Intl formatting. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: import('./vi').Messages };
  }
}

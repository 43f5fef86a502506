import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from './i18n';

/**
 * The language a person chose, at once, and the way to choose it: a language's messages may still be loading
 * (English is loaded when first chosen), so a control shows the choice from the click, not from when it applies.
 */
export function useLanguageChoice(): { current: string; choose: (language: Language) => void } {
  const { i18n } = useTranslation();
  const [pending, setPending] = useState<Language | null>(null);
  const choose = (language: Language) => {
    setPending(language);
    void setLanguage(i18n, language).finally(() => setPending(null));
  };
  return { current: pending ?? i18n.language, choose };
}

import type { TextDirection } from '../../../shared/model';

// Primary language subtags written right to left by default (BCP 47 / CLDR).
const RIGHT_TO_LEFT_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ji',
  'ks',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

/** Whether a BCP 47 language tag names a language or script written right to left. */
export function isRightToLeftLanguage(lang: string): boolean {
  const [language = '', ...subtags] = lang.toLowerCase().split(/[-_]/);
  return RIGHT_TO_LEFT_LANGUAGES.has(language) || subtags.some((subtag) => RIGHT_TO_LEFT_SCRIPTS.has(subtag));
}

/**
 * An article's direction: the first of `declared` that says rtl or ltr wins; a page that declares
 * nothing follows its language, since many right-to-left pages only set `lang`.
 */
export function textDirectionOf(
  declared: ReadonlyArray<string | null | undefined>,
  lang: string | null,
): TextDirection {
  for (const value of declared) {
    const direction = value?.trim().toLowerCase();
    if (direction === 'rtl' || direction === 'ltr') return direction;
  }
  return lang !== null && isRightToLeftLanguage(lang) ? 'rtl' : 'ltr';
}

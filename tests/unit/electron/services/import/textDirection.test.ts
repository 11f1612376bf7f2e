import { describe, expect, it } from 'vitest';
import {
  isRightToLeftLanguage,
  textDirectionOf,
} from '../../../../../electron/services/import/textDirection';

describe('textDirectionOf', () => {
  it('follows the first declared direction', () => {
    expect(textDirectionOf([null, 'RTL'], null)).toBe('rtl');
    expect(textDirectionOf(['ltr', 'rtl'], 'ar')).toBe('ltr');
    expect(textDirectionOf(['auto', 'rtl'], null)).toBe('rtl');
  });

  it('falls back to the language when nothing is declared', () => {
    expect(textDirectionOf([undefined, null], 'he-IL')).toBe('rtl');
    expect(textDirectionOf([], 'en')).toBe('ltr');
    expect(textDirectionOf([], null)).toBe('ltr');
  });

  it.each(['ar', 'fa-IR', 'he', 'ur', 'yi', 'az-Arab', 'pa-Arab-PK'])('knows %s is right to left', (lang) => {
    expect(isRightToLeftLanguage(lang)).toBe(true);
  });

  it.each(['en', 'fr-CA', 'zh-Hans', 'arn', 'az-Latn'])('knows %s is left to right', (lang) => {
    expect(isRightToLeftLanguage(lang)).toBe(false);
  });
});

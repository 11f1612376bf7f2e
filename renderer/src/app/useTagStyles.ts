import { useEffect } from 'react';
import type { Tag } from '../../../shared/model';

/**
 * Gives each tag's highlights its colour and underline style. The rules go in a constructed
 * stylesheet, which the strict Content Security Policy allows where inline styles are not.
 */
export function useTagStyles(tags: readonly Tag[]): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    const rules = tags
      .filter((tag) => /^[a-z][a-z0-9-]*$/.test(tag.key) && /^#[0-9a-f]{6}$/i.test(tag.color))
      .map(
        (tag) => `[data-tag="${tag.key}"] { --tag-color: ${tag.color}; --tag-underline: ${tag.underline}; }`,
      );
    sheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((existing) => existing !== sheet);
    };
  }, [tags]);
}

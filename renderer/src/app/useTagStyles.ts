import { useEffect } from 'react';
import { tagColorsFor } from '../../../shared/color/tagColors';
import type { Tag } from '../../../shared/model';

/** How strongly a highlight is tinted, in the light and the dark theme (dark paper needs more). */
const FILL = { light: 16, dark: 30 } as const;

/**
 * Gives each tag its colours and underline style. Lines and tag-coloured text are adjusted per
 * theme until they meet WCAG contrast on that theme's paper, and written as light-dark() pairs, so
 * switching theme needs no new rules. The rules go in a constructed stylesheet, which the strict
 * Content Security Policy allows where inline styles are not.
 */
export function useTagStyles(tags: readonly Tag[]): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    const rules = tags
      .filter((tag) => /^[a-z][a-z0-9-]*$/.test(tag.key) && /^#[0-9a-f]{6}$/i.test(tag.color))
      .map((tag) => {
        const light = tagColorsFor(tag.color, 'light');
        const dark = tagColorsFor(tag.color, 'dark');
        const fill = (percent: number) => `color-mix(in srgb, ${tag.color} ${percent}%, transparent)`;
        return `[data-tag="${tag.key}"] {
  --tag-color: ${tag.color};
  --tag-underline: ${tag.underline};
  --tag-line: light-dark(${light.line}, ${dark.line});
  --tag-text: light-dark(${light.text}, ${dark.text});
  --tag-badge: light-dark(${light.badgeBackground}, ${dark.badgeBackground});
  --tag-badge-text: light-dark(${light.badgeText}, ${dark.badgeText});
  --tag-fill: light-dark(${fill(FILL.light)}, ${fill(FILL.dark)});
  --tag-fill-strong: light-dark(${fill(FILL.light * 2)}, ${fill(FILL.dark * 2)});
}`;
      });
    sheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((existing) => existing !== sheet);
    };
  }, [tags]);
}

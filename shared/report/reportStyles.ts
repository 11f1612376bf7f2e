import { type Theme, tagColorsFor } from '../color/tagColors';
import { type Tag, UnderlineStyle } from '../model';
import { BASE_STYLES } from './baseStyles';

const SAFE_KEY = /^[a-z][a-z0-9-]*$/;
const SAFE_COLOR = /^#[0-9a-f]{6}$/i;

/** The report's whole style sheet: the base styles, then one rule per tag that is safe to name in CSS. */
export function reportStyles(tags: readonly Tag[]): string {
  const safe = tags.filter((tag) => SAFE_KEY.test(tag.key) && SAFE_COLOR.test(tag.color));
  const light = safe.map((tag) => tagRule(tag, 'light'));
  const dark = safe.map((tag) => `  ${tagRule(tag, 'dark')}`);
  const darkBlock =
    dark.length > 0 ? `\n@media screen and (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}` : '';
  return `${BASE_STYLES}\n${light.join('\n')}${darkBlock}\n`;
}

/** The tag's underline style, or "solid" when it holds something else. */
export function underlineOf(tag: Pick<Tag, 'underline'>): UnderlineStyle {
  const parsed = UnderlineStyle.safeParse(tag.underline);
  return parsed.success ? parsed.data : 'solid';
}

/**
 * The custom properties a tag's marks, swatches and notes read, for one theme: its line colour (3:1
 * against the page) and text colour (4.5:1), derived as in the workbench. Keys and colours were
 * checked by the caller, as a CSS rule cannot be escaped the way HTML can; a tag that fails keeps
 * the neutral style.
 */
function tagRule(tag: Tag, theme: Theme): string {
  const colors = tagColorsFor(tag.color.toLowerCase(), theme);
  const red = Number.parseInt(colors.line.slice(1, 3), 16);
  const green = Number.parseInt(colors.line.slice(3, 5), 16);
  const blue = Number.parseInt(colors.line.slice(5, 7), 16);
  return (
    `[data-tag="${tag.key}"] { --tag-color: ${colors.line}; --tag-text: ${colors.text}; ` +
    `--tag-rgb: ${red}, ${green}, ${blue}; --tag-underline: ${underlineOf(tag)}; }`
  );
}

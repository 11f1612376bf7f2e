import { type Tag, UnderlineStyle } from '../model';
import { BASE_STYLES } from './baseStyles';

const SAFE_KEY = /^[a-z][a-z0-9-]*$/;
const SAFE_COLOR = /^#[0-9a-f]{6}$/i;

/** The report's whole style sheet: the base styles, then one rule per tag that is safe to name in CSS. */
export function reportStyles(tags: readonly Tag[]): string {
  const rules = tags.map(tagRule).filter((rule) => rule !== null);
  return `${BASE_STYLES}\n${rules.join('\n')}\n`;
}

/** The tag's underline style, or "solid" when it holds something else. */
export function underlineOf(tag: Pick<Tag, 'underline'>): UnderlineStyle {
  const parsed = UnderlineStyle.safeParse(tag.underline);
  return parsed.success ? parsed.data : 'solid';
}

/**
 * The custom properties a tag's marks, swatches and notes read. Keys and colours are checked again
 * here, as a CSS rule cannot be escaped the way HTML can; a tag that fails keeps the neutral style.
 */
function tagRule(tag: Tag): string | null {
  if (!SAFE_KEY.test(tag.key) || !SAFE_COLOR.test(tag.color)) return null;
  const red = Number.parseInt(tag.color.slice(1, 3), 16);
  const green = Number.parseInt(tag.color.slice(3, 5), 16);
  const blue = Number.parseInt(tag.color.slice(5, 7), 16);
  return (
    `[data-tag="${tag.key}"] { --tag-color: ${tag.color.toLowerCase()}; ` +
    `--tag-rgb: ${red}, ${green}, ${blue}; --tag-underline: ${underlineOf(tag)}; }`
  );
}

/** The app's paper colours, which tag colours are drawn on. */
export const THEME_BACKGROUNDS = { light: '#fbfaf7', dark: '#1b1a18' } as const;

/** A colour theme of the app. */
export type Theme = keyof typeof THEME_BACKGROUNDS;

/** The colours a tag is drawn with in one theme. */
export interface TagColors {
  /** Underlines and accents: at least 3:1 against the paper (WCAG 1.4.11, non-text contrast). */
  line: string;
  /** Text on a tag badge: at least 4.5:1 against the badge (WCAG 1.4.3, text contrast). */
  badgeText: string;
  /** A tag badge's fill, the line colour. */
  badgeBackground: string;
  /** Text in the tag's colour on the paper (a tag's name in a list): at least 4.5:1 (WCAG 1.4.3). */
  text: string;
}

/** The least contrast WCAG asks of lines and other graphics against what surrounds them. */
const NON_TEXT_CONTRAST = 3;
/** The least contrast WCAG asks of normal-size text against its background. */
const TEXT_CONTRAST = 4.5;
/** How far a colour is mixed towards white or black per step while seeking enough contrast. */
const MIX_STEP = 0.04;
const WHITE = '#ffffff';
/**
 * Pure black rather than a softer near-black. The contrasts of white and of black against any colour
 * multiply to 21 ((1 + 0.05) / (0 + 0.05)), so the higher of the two is at least √21 ≈ 4.58:1 and every
 * badge can have readable text. With #111111 that product falls to about 18.9 and the floor to 4.35:1:
 * mid-tone badges such as #787878 would have no text colour reaching 4.5:1.
 */
const BLACK = '#000000';
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The relative luminance of a '#rrggbb' colour as WCAG 2.x defines it, from 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = channels(hex);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** The WCAG 2.x contrast ratio of two '#rrggbb' colours, from 1 (same luminance) to 21. */
export function contrastRatio(a: string, b: string): number {
  const first = relativeLuminance(a);
  const second = relativeLuminance(b);
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

/**
 * The colours to draw a tag of colour `color` with in `theme`. The line is the tag colour itself when
 * it stands out 3:1 from the paper, else the tag colour mixed step by step towards white (dark theme)
 * or black (light theme) until it does, so a tag keeps its hue as far as contrast allows. The badge
 * is filled with the line colour and lettered in white or black, whichever contrasts more (white on
 * a tie); either always reaches 4.5:1 (see BLACK).
 */
export function tagColorsFor(color: string, theme: Theme): TagColors {
  const background = THEME_BACKGROUNDS[theme];
  const target = theme === 'dark' ? WHITE : BLACK;
  const line = towardsContrast(color, background, target, NON_TEXT_CONTRAST);
  const badgeText = contrastRatio(WHITE, line) >= contrastRatio(BLACK, line) ? WHITE : BLACK;
  const text = towardsContrast(color, background, target, TEXT_CONTRAST);
  return { line, badgeText, badgeBackground: line, text };
}

/**
 * `color` itself when it has `ratio` against `background`, else `color` mixed step by step towards
 * `target` until it does. Pure white and black reach 4.5:1 against both papers, so the loop ends.
 */
function towardsContrast(color: string, background: string, target: string, ratio: number): string {
  let result = color;
  for (let step = 1; contrastRatio(result, background) < ratio; step += 1) {
    result = mix(color, target, Math.min(1, step * MIX_STEP));
  }
  return result;
}

/** `from` mixed with `to` in the proportion `amount` (0 is `from`, 1 is `to`), as '#rrggbb'. */
function mix(from: string, to: string, amount: number): string {
  const [fromRed, fromGreen, fromBlue] = channels(from);
  const [toRed, toGreen, toBlue] = channels(to);
  const channel = (start: number, end: number) =>
    Math.round(start + (end - start) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(fromRed, toRed)}${channel(fromGreen, toGreen)}${channel(fromBlue, toBlue)}`;
}

/** An sRGB channel (0 to 255) as linear light (0 to 1), which luminance adds up. */
function linear(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** The red, green and blue channels of a '#rrggbb' colour, 0 to 255; throws on anything else. */
function channels(hex: string): [number, number, number] {
  if (!HEX_COLOR.test(hex)) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const channel = (offset: number) => Number.parseInt(hex.slice(offset, offset + 2), 16);
  return [channel(1), channel(3), channel(5)];
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  relativeLuminance,
  THEME_BACKGROUNDS,
  tagColorsFor,
} from '../../../../shared/color/tagColors';

const THEMES = ['light', 'dark'] as const;

describe('relativeLuminance and contrastRatio', () => {
  it('follow WCAG 2.x', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#FF0000')).toBeCloseTo(0.2126, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // WebAIM's checker gives 4.48:1 for #777777 on white, just short of AA text contrast.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBe(1);
  });

  it('reject anything but #rrggbb', () => {
    expect(() => relativeLuminance('#fff')).toThrow(RangeError);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(RangeError);
  });
});

describe('tagColorsFor', () => {
  it('keeps a tag colour that stands out from the paper as it is', () => {
    expect(tagColorsFor('#1D4ED8', 'light')).toEqual({
      line: '#1D4ED8',
      badgeText: '#ffffff',
      badgeBackground: '#1D4ED8',
      text: '#1D4ED8',
    });
    expect(tagColorsFor('#fbbf24', 'dark')).toEqual({
      line: '#fbbf24',
      badgeText: '#000000',
      badgeBackground: '#fbbf24',
      text: '#fbbf24',
    });
  });

  it('darkens a pale colour on light paper and lightens a deep one on dark paper, but only just enough', () => {
    const yellow = tagColorsFor('#facc15', 'light');
    expect(yellow.line).not.toBe('#facc15');
    expect(contrastRatio(yellow.line, THEME_BACKGROUNDS.light)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(yellow.line, '#facc15')).toBeLessThan(4);
    const navy = tagColorsFor('#1e1b4b', 'dark');
    expect(relativeLuminance(navy.line)).toBeGreaterThan(relativeLuminance('#1e1b4b'));
    expect(contrastRatio(navy.line, THEME_BACKGROUNDS.dark)).toBeGreaterThanOrEqual(3);
    expect(navy.badgeBackground).toBe(navy.line);
  });

  it('letters badges in black because near-black would leave mid tones short of 4.5:1', () => {
    const grey = '#787878';
    expect(Math.max(contrastRatio('#ffffff', grey), contrastRatio('#111111', grey))).toBeLessThan(4.5);
    expect(Math.max(contrastRatio('#ffffff', grey), contrastRatio('#000000', grey))).toBeGreaterThanOrEqual(
      4.5,
    );
  });
});

describe('tagColorsFor properties', () => {
  const colors = fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.boolean()).map(([value, upper]) => {
    const hex = `#${value.toString(16).padStart(6, '0')}`;
    return upper ? hex.toUpperCase() : hex;
  });
  const themes = fc.constantFrom(...THEMES);

  it('gives lines 3:1 and tag-coloured text 4.5:1 against the paper, and badge text 4.5:1 against the badge', () => {
    fc.assert(
      fc.property(colors, themes, (color, theme) => {
        const { line, badgeText, badgeBackground, text } = tagColorsFor(color, theme);
        expect(contrastRatio(line, THEME_BACKGROUNDS[theme])).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(text, THEME_BACKGROUNDS[theme])).toBeGreaterThanOrEqual(4.5);
        expect(badgeBackground).toBe(line);
        expect(['#ffffff', '#000000']).toContain(badgeText);
        expect(contrastRatio(badgeText, badgeBackground)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 5000 },
    );
  });

  it('can always letter a badge: white and black contrasts multiply to 21, so one reaches √21 > 4.5', () => {
    fc.assert(
      fc.property(colors, (color) => {
        const white = contrastRatio('#ffffff', color);
        const black = contrastRatio('#000000', color);
        expect(white * black).toBeCloseTo(21, 9);
        expect(Math.max(white, black)).toBeGreaterThanOrEqual(Math.sqrt(21) - 1e-9);
      }),
      { numRuns: 5000 },
    );
  });

  it('returns a colour that already stands out from the paper unchanged', () => {
    fc.assert(
      fc.property(colors, themes, (color, theme) => {
        fc.pre(contrastRatio(color, THEME_BACKGROUNDS[theme]) >= 3);
        expect(tagColorsFor(color, theme).line).toBe(color);
      }),
      { numRuns: 5000 },
    );
  });

  it('moves a colour that falls short towards white on dark paper and black on light paper', () => {
    fc.assert(
      fc.property(colors, themes, (color, theme) => {
        fc.pre(contrastRatio(color, THEME_BACKGROUNDS[theme]) < 3);
        const { line } = tagColorsFor(color, theme);
        const lifted = relativeLuminance(line) > relativeLuminance(color);
        expect(lifted).toBe(theme === 'dark');
      }),
      { numRuns: 5000 },
    );
  });
});

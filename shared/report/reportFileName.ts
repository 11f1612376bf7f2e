/** The longest slug a report file name takes from the title. */
const MAX_SLUG_LENGTH = 60;

/** Letters that NFKD does not split into a base letter and marks, spelled the usual ASCII way. */
const ASCII_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * The file name a report is saved under: the title as an ASCII slug, e.g. "ECTC terror report" →
 * "ectc-terror-report.margin.json"; "article" when nothing of the title survives.
 */
export function reportFileName(title: string, format: 'json' | 'html'): string {
  return `${slugify(title)}.margin.${format}`;
}

function slugify(title: string): string {
  const folded = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłı]/g, (letter) => ASCII_SPELLINGS[letter] ?? letter);
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'article' : slug;
}

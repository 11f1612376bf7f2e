import { isWindowsDeviceName } from '../security/windowsDeviceName';

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

/** The ending of each format's file name. */
const ENDINGS = {
  json: '.margin.json',
  html: '.margin.html',
  pdf: '.margin.pdf',
  w3c: '.annotations.jsonld',
  csv: '.annotations.csv',
  claimreview: '.claimreview.jsonld',
} as const;

/** A format a report file is written in. */
export type ReportFileFormat = keyof typeof ENDINGS;

/**
 * The file name a report is saved under: the title as an ASCII slug and the format's ending, e.g.
 * "ECTC terror report" → "ectc-terror-report.margin.json"; "article" when nothing of the title
 * survives, and "-article" added to a name Windows reserves ("CON" → "con-article.margin.json").
 * A report of several documents is named by their number: "margin-3-articles.margin.html".
 */
export function reportFileName(title: string, format: ReportFileFormat): string {
  return `${slugify(title)}${ENDINGS[format]}`;
}

/** The file name of a report covering `count` documents. */
export function corpusFileName(count: number, format: ReportFileFormat): string {
  return `margin-${count}-articles${ENDINGS[format]}`;
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
  if (slug === '') return 'article';
  return isWindowsDeviceName(slug) ? `${slug}-article` : slug;
}

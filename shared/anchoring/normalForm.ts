/** Characters that differ between versions without changing a word: typographic quotes, dashes. */
const EQUIVALENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
};

/**
 * A text as its words read, for comparing versions: runs of white space (no-break spaces
 * included) become one space and typographic quotes and dashes their plain forms. `offsets[i]`
 * is where character `i` of the result came from; `offsets[length]` is the text's end.
 */
export function normalForm(text: string): { text: string; offsets: number[] } {
  const characters: string[] = [];
  const offsets: number[] = [];
  let isSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      if (!isSpace) {
        characters.push(' ');
        offsets.push(index);
      }
      isSpace = true;
      continue;
    }
    isSpace = false;
    characters.push(EQUIVALENTS[character] ?? character);
    offsets.push(index);
  }
  offsets.push(text.length);
  return { text: characters.join(''), offsets };
}

/** Whether two passages read the same word for word (white space, quote and dash styles aside). */
export function readsTheSame(first: string, second: string): boolean {
  return normalForm(first).text.trim() === normalForm(second).text.trim();
}

/** The fields of a Markdown file's front matter and the Markdown that follows it. */
export interface FrontMatter {
  fields: ReadonlyMap<string, string>;
  body: string;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FIELD = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;
// Lines a simple front matter may hold besides `key: value`: blanks, comments, nested or list values.
const IGNORED_LINE = /^(?:\s*|\s*#.*|\s+\S.*|-\s.*)$/;

/**
 * Splits off a leading front matter block (`---`, simple `key: value` lines, `---`). It is read
 * by hand, not by a YAML library: only flat scalar fields matter here, and a block holding
 * anything else is left as Markdown. Keys are lower-cased; surrounding quotes are dropped.
 */
export function splitFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { fields: new Map(), body: source };
  const fields = new Map<string, string>();
  let hasField = false;
  for (const line of (match[1] ?? '').split('\n')) {
    const field = FIELD.exec(line);
    if (field === null) {
      if (IGNORED_LINE.test(line)) continue;
      return { fields: new Map(), body: source };
    }
    hasField = true;
    const value = unquote((field[2] ?? '').trim());
    if (value !== '') fields.set((field[1] ?? '').toLowerCase(), value);
  }
  if (!hasField) return { fields, body: source };
  return { fields, body: source.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted === null ? value : (quoted[1] ?? '').trim();
}

/** The last part of a path, whichever separator the platform that produced it used. */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/** A file name's extension in lower case, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A title made from a file name, for articles that do not name themselves:
 * "ectc-terror-report.txt" becomes "Ectc terror report".
 */
export function titleFromFileName(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const words = stem.replace(/[\s_-]+/g, ' ').trim();
  if (words === '') return 'Untitled article';
  return words.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}

/** The file extensions Margin imports as articles, as a file picker lists them. */
export const ARTICLE_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm',
  'xhtml',
  'docx',
  'pdf',
] as const;

/** The media types of the same files, for pickers that filter by type. */
export const ARTICLE_MEDIA_TYPES = [
  'text/plain',
  'text/markdown',
  'text/html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
] as const;

/** A file input's `accept` value for articles. */
export const ARTICLE_ACCEPT = [
  ...ARTICLE_EXTENSIONS.map((extension) => `.${extension}`),
  ...ARTICLE_MEDIA_TYPES,
].join(',');

import type { Migration } from './migration';

/**
 * The first schema: documents with their canonical text and blocks, the tag codebook seeded with
 * claim, quote and opinion, annotations with their anchors, threaded comments, and settings.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      byline TEXT,
      site_name TEXT,
      source TEXT NOT NULL,
      published_at TEXT,
      lang TEXT,
      dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
      format TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      text TEXT NOT NULL,
      blocks TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_by_content_hash ON documents (content_hash);

    CREATE TABLE tags (
      key TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      color TEXT NOT NULL,
      description TEXT NOT NULL,
      shortcut TEXT,
      underline TEXT NOT NULL,
      position INTEGER NOT NULL
    ) STRICT;
    INSERT INTO tags (key, label, color, description, shortcut, underline, position) VALUES
      ('claim', 'Claim', '#c2410c', 'A checkable statement of fact: a figure, an event, a cause.', '1', 'solid', 1),
      ('quote', 'Quote', '#1d4ed8', 'Words attributed to someone, directly or indirectly.', '2', 'double', 2),
      ('opinion', 'Opinion', '#7e22ce', 'A judgement of the writer or of a source.', '3', 'wavy', 3);

    CREATE TABLE annotations (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      tag TEXT NOT NULL REFERENCES tags (key) ON UPDATE CASCADE,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
      quote TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      attributes TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotations_by_document ON annotations (document_id, start_offset);

    CREATE TABLE comments (
      id TEXT PRIMARY KEY,
      annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      author TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comments_by_annotation ON comments (annotation_id, position);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};

import type { Migration } from './migration';

/** The search rows of a document: its title line, then one row per block, placed at the block's start. */
function documentRows(row: 'NEW' | 'OLD'): string {
  return `
    INSERT INTO search_keys (kind, document_id, position)
      VALUES ('title', ${row}.id, 0);
    INSERT INTO search (rowid, body)
      VALUES (last_insert_rowid(), ${row}.title || coalesce(' — ' || ${row}.byline, '') || coalesce(' — ' || ${row}.site_name, ''));
    INSERT INTO search_keys (kind, document_id, position)
      SELECT 'text', ${row}.id, json_extract(value, '$.start') FROM json_each(${row}.blocks);
    INSERT INTO search (rowid, body)
      SELECT keys.id, json_extract(block.value, '$.text')
      FROM json_each(${row}.blocks) AS block
      JOIN search_keys AS keys
        ON keys.document_id = ${row}.id AND keys.kind = 'text' AND keys.position = json_extract(block.value, '$.start');`;
}

/** The search rows of an annotation: its quote, and its text attributes (speaker, target, evidence …) in one row. */
function annotationRows(): string {
  return `
    INSERT INTO search_keys (kind, document_id, annotation_id, position)
      VALUES ('quote', NEW.document_id, NEW.id, NEW.start_offset);
    INSERT INTO search (rowid, body) VALUES (last_insert_rowid(), NEW.quote);
    INSERT INTO search_keys (kind, document_id, annotation_id, position)
      SELECT 'attribute', NEW.document_id, NEW.id, NEW.start_offset
      WHERE EXISTS (SELECT 1 FROM json_tree(NEW.attributes) WHERE type = 'text' AND value <> '');
    INSERT INTO search (rowid, body)
      SELECT last_insert_rowid(), group_concat(value, ' · ')
      FROM json_tree(NEW.attributes) WHERE type = 'text' AND value <> ''
      HAVING count(*) > 0;`;
}

/** Removes the rows of `where` from both search tables. */
function removeRows(where: string): string {
  return `
    DELETE FROM search WHERE rowid IN (SELECT id FROM search_keys WHERE ${where});
    DELETE FROM search_keys WHERE ${where};`;
}

/**
 * Everything issue "every article, faithfully" needs in the library:
 * - the original file of each import, kept once per content (`originals`, keyed by its SHA-256),
 *   and the document's `source_hash` naming it, so a report can cite exactly what was annotated;
 * - versions: documents of one `lineage` (the first version's id) numbered by `version`, and on
 *   annotations carried to a new version, where they came from, how they were placed again
 *   (`anchor_status`: exact, moved, changed) and the words they had (`previous_quote`); those that
 *   could not be placed are `orphans` of the new version until someone re-places or dismisses them;
 * - deleted documents kept for a while in `trash`, so a deletion can be undone;
 * - full-text search (FTS5) over titles, article text, quotes, text attributes and comments, kept
 *   up to date by triggers, whatever writes the rows. `search_keys` says where each row points.
 */
export const sourcesSearchVersions: Migration = {
  version: 3,
  name: 'sources-search-versions',
  sql: `
    CREATE TABLE originals (
      hash TEXT PRIMARY KEY,
      bytes BLOB NOT NULL
    ) STRICT;
    -- No foreign key: a document merged from another analyst's report names its original by hash
    -- without the library holding the file.
    ALTER TABLE documents ADD COLUMN source_hash TEXT;
    ALTER TABLE documents ADD COLUMN source_file TEXT;
    ALTER TABLE documents ADD COLUMN lineage TEXT;
    ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE documents ADD COLUMN version_reason TEXT NOT NULL DEFAULT 'imported'
      CHECK (version_reason IN ('imported', 'new-version', 'corrected'));
    -- How many annotations of the version before came over exact, moved or changed, or found no place.
    ALTER TABLE documents ADD COLUMN carried TEXT;
    UPDATE documents SET lineage = id;
    CREATE INDEX documents_by_lineage ON documents (lineage, version);
    CREATE INDEX documents_by_source ON documents (source);

    ALTER TABLE annotations ADD COLUMN carried_from TEXT;
    ALTER TABLE annotations ADD COLUMN anchor_status TEXT
      CHECK (anchor_status IN ('exact', 'moved', 'changed'));
    ALTER TABLE annotations ADD COLUMN previous_quote TEXT;

    CREATE TABLE orphans (
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      annotation_id TEXT NOT NULL,
      PRIMARY KEY (document_id, annotation_id)
    ) STRICT;

    CREATE TABLE trash (
      document_id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      bundle TEXT NOT NULL
    ) STRICT;

    CREATE TABLE search_keys (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('title', 'text', 'quote', 'attribute', 'comment')),
      document_id TEXT NOT NULL,
      annotation_id TEXT,
      comment_id TEXT,
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX search_keys_by_document ON search_keys (document_id);
    CREATE INDEX search_keys_by_annotation ON search_keys (annotation_id) WHERE annotation_id IS NOT NULL;
    CREATE INDEX search_keys_by_comment ON search_keys (comment_id) WHERE comment_id IS NOT NULL;
    CREATE VIRTUAL TABLE search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

    CREATE TRIGGER search_document_added AFTER INSERT ON documents BEGIN
      ${documentRows('NEW')}
    END;
    CREATE TRIGGER search_document_changed AFTER UPDATE OF title, byline, site_name, blocks ON documents BEGIN
      ${removeRows("document_id = OLD.id AND kind IN ('title', 'text')")}
      ${documentRows('NEW')}
    END;
    CREATE TRIGGER search_document_removed AFTER DELETE ON documents BEGIN
      ${removeRows('document_id = OLD.id')}
    END;

    CREATE TRIGGER search_annotation_added AFTER INSERT ON annotations BEGIN
      ${annotationRows()}
    END;
    CREATE TRIGGER search_annotation_changed AFTER UPDATE OF quote, attributes, start_offset ON annotations BEGIN
      ${removeRows("annotation_id = OLD.id AND kind IN ('quote', 'attribute')")}
      ${annotationRows()}
      UPDATE search_keys SET position = NEW.start_offset WHERE annotation_id = NEW.id AND kind = 'comment';
    END;
    CREATE TRIGGER search_annotation_removed AFTER DELETE ON annotations BEGIN
      ${removeRows('annotation_id = OLD.id')}
    END;

    CREATE TRIGGER search_comment_added AFTER INSERT ON comments BEGIN
      INSERT INTO search_keys (kind, document_id, annotation_id, comment_id, position)
        SELECT 'comment', document_id, id, NEW.id, start_offset FROM annotations WHERE id = NEW.annotation_id;
      INSERT INTO search (rowid, body) VALUES (last_insert_rowid(), NEW.body);
    END;
    CREATE TRIGGER search_comment_changed AFTER UPDATE OF body ON comments BEGIN
      UPDATE search SET body = NEW.body WHERE rowid IN (SELECT id FROM search_keys WHERE comment_id = NEW.id);
    END;
    CREATE TRIGGER search_comment_removed AFTER DELETE ON comments BEGIN
      ${removeRows('comment_id = OLD.id')}
    END;

    -- What the library already holds is indexed once, as if it had just been written.
    INSERT INTO search_keys (kind, document_id, position) SELECT 'title', id, 0 FROM documents;
    INSERT INTO search (rowid, body)
      SELECT keys.id, documents.title || coalesce(' — ' || documents.byline, '') || coalesce(' — ' || documents.site_name, '')
      FROM search_keys AS keys JOIN documents ON documents.id = keys.document_id WHERE keys.kind = 'title';
    INSERT INTO search_keys (kind, document_id, position)
      SELECT 'text', documents.id, json_extract(block.value, '$.start') FROM documents, json_each(documents.blocks) AS block;
    INSERT INTO search (rowid, body)
      SELECT keys.id, json_extract(block.value, '$.text')
      FROM documents, json_each(documents.blocks) AS block
      JOIN search_keys AS keys
        ON keys.document_id = documents.id AND keys.kind = 'text' AND keys.position = json_extract(block.value, '$.start');
    INSERT INTO search_keys (kind, document_id, annotation_id, position)
      SELECT 'quote', document_id, id, start_offset FROM annotations;
    INSERT INTO search (rowid, body)
      SELECT keys.id, annotations.quote FROM search_keys AS keys
      JOIN annotations ON annotations.id = keys.annotation_id WHERE keys.kind = 'quote';
    INSERT INTO search_keys (kind, document_id, annotation_id, position)
      SELECT 'attribute', document_id, id, start_offset FROM annotations
      WHERE EXISTS (SELECT 1 FROM json_tree(annotations.attributes) WHERE type = 'text' AND value <> '');
    INSERT INTO search (rowid, body)
      SELECT keys.id, (SELECT group_concat(value, ' · ') FROM json_tree(annotations.attributes) WHERE type = 'text' AND value <> '')
      FROM search_keys AS keys JOIN annotations ON annotations.id = keys.annotation_id WHERE keys.kind = 'attribute';
    INSERT INTO search_keys (kind, document_id, annotation_id, comment_id, position)
      SELECT 'comment', annotations.document_id, annotations.id, comments.id, annotations.start_offset
      FROM comments JOIN annotations ON annotations.id = comments.annotation_id;
    INSERT INTO search (rowid, body)
      SELECT keys.id, comments.body FROM search_keys AS keys
      JOIN comments ON comments.id = keys.comment_id WHERE keys.kind = 'comment';
  `,
};

import type { Migration } from './migration';

const quoteAttributes = [
  { key: 'speaker', label: 'Speaker', type: 'text', suggest: true },
  { key: 'speakerRole', label: 'Role or affiliation', type: 'text', suggest: true },
  { key: 'attribution', label: 'Attribution', type: 'choice', options: ['direct', 'indirect', 'paraphrase'] },
  { key: 'cue', label: 'Attribution cue', type: 'text', suggest: true },
];
const claimAttributes = [
  {
    key: 'verdict',
    label: 'Verdict',
    type: 'choice',
    options: ['unverified', 'true', 'mostly true', 'mixed', 'misleading', 'false', 'unprovable'],
  },
  { key: 'checkWorthiness', label: 'Check-worthiness', type: 'number', min: 1, max: 5 },
  { key: 'evidence', label: 'Evidence', type: 'links' },
];
const opinionAttributes = [
  { key: 'holder', label: 'Holder', type: 'choice', options: ['author', 'quoted source', 'other'] },
  { key: 'stance', label: 'Stance', type: 'choice', options: ['positive', 'negative', 'neutral'] },
  { key: 'target', label: 'Target', type: 'text', suggest: true },
];

/** SQL string literal of a value's JSON (the JSON holds no quotes of its own to escape but this is safe anyway). */
function json(value: unknown): string {
  return `'${JSON.stringify(value).replaceAll("'", "''")}'`;
}

/**
 * An editable codebook and resolvable threads: tags can be archived and declare the attributes
 * their annotations carry (the defaults get the news-native ones: a quote's speaker, a claim's
 * verdict, an opinion's stance …), and a comment thread records who resolved it and when.
 */
export const codebookAndThreads: Migration = {
  version: 2,
  name: 'codebook-and-threads',
  sql: `
    ALTER TABLE tags ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
    ALTER TABLE tags ADD COLUMN attributes TEXT NOT NULL DEFAULT '[]';
    UPDATE tags SET attributes = ${json(quoteAttributes)} WHERE key = 'quote';
    UPDATE tags SET attributes = ${json(claimAttributes)} WHERE key = 'claim';
    UPDATE tags SET attributes = ${json(opinionAttributes)} WHERE key = 'opinion';

    ALTER TABLE comments ADD COLUMN resolved_at TEXT;
    ALTER TABLE comments ADD COLUMN resolved_by TEXT;
  `,
};

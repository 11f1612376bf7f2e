import { z } from 'zod';
import {
  Annotation,
  Article,
  Block,
  Comment,
  InlineMark,
  REPORT_VERSION,
  Report,
  ReportStats,
} from '../model';

/** The `$id` of the published schema; it names the report format and version, not a web address. */
export const REPORT_SCHEMA_ID = `urn:margin:schema:report:${REPORT_VERSION}`;

const DESCRIPTION = [
  'A Margin JSON report, version 1: an article, its tags and its annotations with their comments.',
  'Offsets are UTF-16 code unit indexes into document.text, whose blocks are joined by "\\n\\n".',
  'Rules JSON Schema cannot express, which every report Margin writes also keeps:',
  'for each annotation start < end <= document.text.length, document.text.slice(start, end) === quote',
  'and documentId === document.id; for each block document.text.slice(start, end) === text',
  'and its marks lie within its text; annotations are in text order (start ascending, then end',
  'descending, then id); stats are computed from the annotations.',
].join(' ');

/**
 * The JSON Schema (draft 2020-12) of the JSON report, generated from the zod `Report` schema
 * (output side) so the published file and the validation in code never drift apart.
 */
export function reportJsonSchema(): Record<string, unknown> {
  // Naming the shared parts gives readable $defs instead of anonymous inlined copies.
  const definitions = z.registry<{ id: string; description: string }>();
  definitions.add(Article, { id: 'Document', description: 'The annotated article and its canonical text.' });
  definitions.add(Block, {
    id: 'Block',
    description: 'A block of the article, placed in the canonical text.',
  });
  definitions.add(InlineMark, {
    id: 'InlineMark',
    description: 'Emphasis, strong or a link, offsets within the block.',
  });
  definitions.add(Report.shape.tags.element, { id: 'Tag', description: 'A tag of the codebook.' });
  definitions.add(Annotation, {
    id: 'Annotation',
    description: 'A tagged passage; start < end (not expressible here).',
  });
  definitions.add(Comment, {
    id: 'Comment',
    description: 'A comment on an annotation, with nested replies.',
  });
  definitions.add(ReportStats, {
    id: 'Stats',
    description: 'Counts per tag and the share of the text covered.',
  });
  const generated = z.toJSONSchema(Report, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: definitions,
    // Version 1 grows only by adding fields, so a reader of today's schema must accept a later
    // version 1 report: objects stay open to properties this schema does not name.
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: REPORT_SCHEMA_ID,
    title: 'Margin report, version 1',
    description: DESCRIPTION,
    ...rest,
  };
}

/** The `$id` of the corpus schema. */
export const CORPUS_SCHEMA_ID = `urn:margin:schema:corpus:${REPORT_VERSION}`;

/**
 * The JSON Schema of a report of several documents: one version 1 report per document, which it
 * refers to by the report schema's `$id` (docs/margin-report.schema.json).
 */
export function corpusJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CORPUS_SCHEMA_ID,
    title: 'Margin corpus report, version 1',
    description:
      'Several documents in one file: a Margin report (urn:margin:schema:report:1) per document, in the order chosen.',
    type: 'object',
    properties: {
      format: { const: 'margin.corpus' },
      version: { type: 'integer', const: REPORT_VERSION },
      generatedAt: { type: 'string', format: 'date-time' },
      generator: { type: 'string' },
      reports: { type: 'array', items: { $ref: REPORT_SCHEMA_ID } },
    },
    required: ['format', 'version', 'generatedAt', 'generator', 'reports'],
  };
}

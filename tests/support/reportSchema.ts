import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The committed JSON Schema, as users and pipelines get it. */
export const committedSchema: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../docs/margin-report.schema.json', import.meta.url), 'utf8'),
);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(committedSchema);

/** The schema's complaints about a value, as readable lines; empty when it is a valid report. */
export function schemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** Throws, listing the schema's complaints, unless `value` is a valid report. */
export function assertValidReport(value: unknown): void {
  const errors = schemaErrors(value);
  if (errors.length > 0)
    throw new Error(`The report does not match docs/margin-report.schema.json:\n${errors.join('\n')}`);
}

/** The committed corpus schema, which refers to the report schema by its `$id`. */
export const committedCorpusSchema: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../docs/margin-corpus.schema.json', import.meta.url), 'utf8'),
);
const validateCorpus = ajv.compile(committedCorpusSchema);

/** Throws, listing the schema's complaints, unless `value` is a valid corpus report. */
export function assertValidCorpus(value: unknown): void {
  if (validateCorpus(value)) return;
  const errors = (validateCorpus.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  throw new Error(`The report does not match docs/margin-corpus.schema.json:\n${errors.join('\n')}`);
}

import { describe, expect, it } from 'vitest';
import {
  corpusJsonSchema,
  REPORT_SCHEMA_ID,
  reportJsonSchema,
} from '../../../../shared/report/reportJsonSchema';

describe('reportJsonSchema', () => {
  it('matches the committed docs/margin-report.schema.json (run `npx vitest run -u` after a model change)', async () => {
    const json = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    await expect(json).toMatchFileSnapshot('../../../../docs/margin-report.schema.json');
  });

  it('matches the committed docs/margin-corpus.schema.json', async () => {
    const json = `${JSON.stringify(corpusJsonSchema(), null, 2)}\n`;
    await expect(json).toMatchFileSnapshot('../../../../docs/margin-corpus.schema.json');
  });

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toContain('start < end');
  });

  it('accepts colours in either case', () => {
    const tag = (reportJsonSchema().$defs as Record<string, { properties: { color: { pattern: string } } }>)
      .Tag;
    const pattern = new RegExp(tag!.properties.color.pattern);
    expect(pattern.test('#2F9E44')).toBe(true);
    expect(pattern.test('#2f9e44')).toBe(true);
    expect(pattern.test('#2f9e4')).toBe(false);
  });

  it('accepts fields a later version 1 adds, since version 1 only grows by adding', () => {
    const schema = JSON.stringify(reportJsonSchema());
    expect(schema).not.toContain('"additionalProperties":false');
  });
});

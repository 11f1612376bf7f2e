import { describe, expect, it } from 'vitest';
import { codebookFileOf, readCodebookFile } from '../../../../../renderer/src/codebook/codebookFile';
import { attributeKeyOf, newAttribute } from '../../../../../renderer/src/codebook/newAttribute';
import { AttributeKey, CODEBOOK_FORMAT, Codebook, type Tag } from '../../../../../shared/model';

const claim: Tag = {
  key: 'claim',
  label: 'Claim',
  color: '#1d4ed8',
  description: 'A statement that can be checked.',
  shortcut: '1',
  underline: 'solid',
  archived: false,
  attributes: [
    { key: 'verdict', label: 'Verdict', type: 'choice', options: ['True', 'False'] },
    { key: 'confidence', label: 'Confidence', type: 'number', min: 0, max: 100 },
  ],
};
const quote: Tag = {
  key: 'quote',
  label: 'Quote',
  color: '#b45309',
  description: '',
  shortcut: null,
  underline: 'dotted',
  archived: true,
  attributes: [{ key: 'speaker', label: 'Speaker', type: 'text', suggest: true }],
};

describe('codebookFileOf', () => {
  it('writes a valid codebook with the tags in order', () => {
    const file = codebookFileOf([quote, claim]);
    expect(Codebook.parse(file)).toEqual(file);
    expect(file.format).toBe(CODEBOOK_FORMAT);
    expect(file.version).toBe(1);
    expect(file.tags.map((tag) => tag.key)).toEqual(['quote', 'claim']);
    expect(file.tags[1]).toEqual(claim);
  });

  it('shares no objects with the tags it was made from', () => {
    const file = codebookFileOf([claim]);
    file.tags[0]!.attributes[0]!.options!.push('Misleading');
    file.tags[0]!.label = 'Changed';
    expect(claim.attributes[0]!.options).toEqual(['True', 'False']);
    expect(claim.label).toBe('Claim');
  });
});

describe('readCodebookFile', () => {
  it('reads back what codebookFileOf wrote', () => {
    const file = codebookFileOf([claim, quote]);
    expect(readCodebookFile(JSON.stringify(file, null, 2))).toEqual(file);
  });

  it('refuses text that is not JSON', () => {
    expect(() => readCodebookFile('{ "format": ')).toThrow(
      'This file is not a Margin codebook: it is not valid JSON; choose a file exported from the Codebook panel.',
    );
  });

  it.each([
    ['an array', '[]'],
    ['a report', JSON.stringify({ format: 'margin.report', version: 1 })],
    ['a string', '"margin.codebook"'],
    ['null', 'null'],
  ])('refuses %s, which is not a codebook', (_, text) => {
    expect(() => readCodebookFile(text)).toThrow(
      'This file is not a Margin codebook: it has no "format": "margin.codebook" field; choose a file exported from the Codebook panel.',
    );
  });

  it('refuses a version it does not know, saying to update Margin', () => {
    const text = JSON.stringify({ ...codebookFileOf([claim]), version: 2 });
    expect(() => readCodebookFile(text)).toThrow(
      'This codebook has version 2, which this version of Margin cannot read; update Margin to import it.',
    );
  });

  it('names the tag and field of an invalid value', () => {
    const text = JSON.stringify(codebookFileOf([claim, { ...quote, color: 'orange' }]));
    expect(() => readCodebookFile(text)).toThrow(
      /^This codebook cannot be imported: tag 2 \("Quote"\), field "color": .+; correct the file, or choose a file exported from the Codebook panel\.$/,
    );
  });

  it('names nested attribute fields', () => {
    const bad = { ...claim, attributes: [{ key: 'Not valid', label: 'Verdict', type: 'text' }] };
    const text = JSON.stringify({ format: CODEBOOK_FORMAT, version: 1, tags: [bad] });
    expect(() => readCodebookFile(text)).toThrow(/tag 1 \("Claim"\), field "attributes\.0\.key": /);
  });

  it('refuses a codebook nested deeper than any codebook is, before its schema reads it', () => {
    const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const tag = JSON.stringify({ ...claim, description: 'DEEP' }).replace('"DEEP"', deep);
    const text = `{"format": "${CODEBOOK_FORMAT}", "version": 1, "tags": [${tag}]}`;
    expect(() => readCodebookFile(text)).toThrow(
      /^This codebook nests its values more than 64 levels deep, deeper than any Margin report or request, so it was not read\.$/,
    );
  });

  it('refuses a codebook without tags', () => {
    const text = JSON.stringify({ format: CODEBOOK_FORMAT, version: 1, tags: [] });
    expect(() => readCodebookFile(text)).toThrow(
      'This codebook cannot be imported: it has no tags; correct the file, or choose a file exported from the Codebook panel.',
    );
  });

  it('throws messages that are one sentence', () => {
    const texts = ['nope', '{}', JSON.stringify({ format: CODEBOOK_FORMAT, version: 1, tags: [{}] })];
    for (const text of texts) {
      const message = (() => {
        try {
          readCodebookFile(text);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toMatch(/^[A-Z][^\n]*\.$/);
      expect(message.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });
});

describe('attributeKeyOf', () => {
  it.each([
    ['New attribute', 'newAttribute'],
    ['Source URL', 'sourceUrl'],
    ['Speaker’s role', 'speakersRole'],
    ["speaker's role", 'speakersRole'],
    ['Fiabilité de la source', 'fiabiliteDeLaSource'],
    ['2nd source', 'attribute2ndSource'],
    ['', 'attribute'],
    ['???', 'attribute'],
  ])('makes %j into %j', (label, key) => {
    expect(attributeKeyOf(label)).toBe(key);
  });

  it('adds a number to a key already taken', () => {
    expect(attributeKeyOf('Speaker', ['speaker'])).toBe('speaker2');
    expect(attributeKeyOf('Speaker', ['speaker', 'speaker2'])).toBe('speaker3');
  });

  it('stays within 40 characters, numbered or not', () => {
    const label = 'A very long label that goes on and on about what it holds';
    const key = attributeKeyOf(label);
    expect(key).toHaveLength(40);
    const numbered = attributeKeyOf(label, [key]);
    expect(numbered).toHaveLength(40);
    expect(numbered.endsWith('2')).toBe(true);
    expect(AttributeKey.safeParse(numbered).success).toBe(true);
  });
});

describe('newAttribute', () => {
  it('adds a text attribute keyed by the name it is given', () => {
    expect(newAttribute([], 'Source URL')).toEqual({ key: 'sourceUrl', label: 'Source URL', type: 'text' });
  });

  it('keeps the key unique within the tag, even when a renamed attribute still has it', () => {
    const renamed = { key: 'unit', label: 'Measure', type: 'text' as const };
    expect(newAttribute([renamed], 'Unit')).toEqual({ key: 'unit2', label: 'Unit', type: 'text' });
  });
});

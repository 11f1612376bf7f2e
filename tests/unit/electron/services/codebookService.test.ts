import { describe, expect, it } from 'vitest';
import { freeKey } from '../../../../electron/services/codebookService';
import { hydrateOpened } from '../../../../shared/api';
import { CODEBOOK_FORMAT, type Codebook, type Tag } from '../../../../shared/model';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

const summary = (tags: readonly Tag[]) => tags.map((tag) => `${tag.key}:${tag.shortcut ?? '-'}`);

describe('CodebookService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('starts with claim, quote and opinion and their news-native attributes', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const tags = workbench.codebook.list();
    expect(summary(tags)).toEqual(['claim:1', 'quote:2', 'opinion:3']);
    const attributes = (key: string) =>
      tags.find((tag) => tag.key === key)!.attributes.map((attribute) => attribute.key);
    expect(attributes('quote')).toEqual(['speaker', 'speakerRole', 'attribution', 'cue']);
    expect(attributes('claim')).toEqual(['verdict', 'checkWorthiness', 'evidence']);
    expect(attributes('opinion')).toEqual(['holder', 'stance', 'target']);
    expect(tags.find((tag) => tag.key === 'claim')!.attributes[0]!.options).toContain('mostly true');
    store.close();
  });

  it('adds tags with a key from the label and the first free shortcut, colour and pattern', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { key, tags } = workbench.codebook.add({ label: 'Loaded language' });
    expect(key).toBe('loaded-language');
    const added = tags.at(-1)!;
    expect(added).toMatchObject({
      key,
      label: 'Loaded language',
      shortcut: '4',
      archived: false,
      attributes: [],
    });
    expect(tags.slice(0, 3).map((tag) => tag.color)).not.toContain(added.color);
    expect(() => workbench.codebook.add({ label: ' loaded LANGUAGE ' })).toThrow(/already a tag named/);
    expect(freeKey('Ünïcode — 2024!', ['unicode-2024'])).toBe('unicode-2024-2');
    expect(freeKey('2024', [])).toBe('tag');
    store.close();
  });

  it('renames, recolours, describes, moves a shortcut and archives, keeping annotations', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { document } = await workbench.library.importBytes('ectc.txt', referenceArticle());
    const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    workbench.annotations.save(annotationOn(document.id, text, '66 countries', 'opinion'));
    const { key } = workbench.codebook.add({ label: 'Statistic' });
    const statistic = workbench.codebook.list().find((tag) => tag.key === key)!;
    const tags = workbench.codebook.save({
      ...statistic,
      label: 'Figure',
      color: '#0f766e',
      description: 'A number the article relies on.',
      shortcut: '1',
      attributes: [{ key: 'unit', label: 'Unit', type: 'choice', options: ['people', 'per cent'] }],
    });
    expect(summary(tags)).toEqual(['claim:-', 'quote:2', 'opinion:3', 'statistic:1']);
    expect(tags.at(-1)).toMatchObject({ label: 'Figure', color: '#0f766e' });

    const archived = workbench.codebook.save({
      ...tags.find((tag) => tag.key === 'opinion')!,
      archived: true,
    });
    expect(archived.find((tag) => tag.key === 'opinion')).toMatchObject({ archived: true, shortcut: null });
    expect(hydrateOpened(workbench.library.open({ id: document.id })).annotations.map((a) => a.tag)).toEqual([
      'opinion',
    ]);
    store.close();
  });

  it('refuses bad tags with one sentence and changes nothing', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const before = workbench.codebook.list();
    const claim = before[0]!;
    expect(() => workbench.codebook.save({ ...claim, label: 'Quote' })).toThrow(
      /already a tag named "Quote"/,
    );
    expect(() =>
      workbench.codebook.save({
        ...claim,
        attributes: [
          { key: 'source', label: 'Source', type: 'text' },
          { key: 'source', label: 'Again', type: 'url' },
        ],
      }),
    ).toThrow(/two attributes with the key "source"/);
    expect(() => workbench.codebook.save({ ...claim, key: 'rumour' })).toThrow(/no tag "rumour"/);
    expect(() => workbench.codebook.reorder({ keys: ['claim', 'quote'] })).toThrow(/every tag/);
    expect(workbench.codebook.list()).toEqual(before);
    store.close();
  });

  it('reorders, and imports a shared codebook by key in one step', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    expect(summary(workbench.codebook.reorder({ keys: ['opinion', 'claim', 'quote'] }))).toEqual([
      'opinion:3',
      'claim:1',
      'quote:2',
    ]);
    const quote = workbench.codebook.list().find((tag) => tag.key === 'quote')!;
    const shared: Codebook = {
      format: CODEBOOK_FORMAT,
      version: 1,
      tags: [
        { ...quote, label: 'Attributed quote', shortcut: '3' },
        {
          key: 'source',
          label: 'Source',
          color: '#0e7490',
          description: 'Who the article relies on.',
          shortcut: '4',
          underline: 'dotted',
          archived: false,
          attributes: [{ key: 'link', label: 'Link', type: 'url' }],
        },
      ],
    };
    const tags = workbench.codebook.import(shared);
    expect(summary(tags)).toEqual(['quote:3', 'source:4', 'opinion:-', 'claim:1']);
    expect(tags[0]!.label).toBe('Attributed quote');

    const clash = { ...shared, tags: [{ ...shared.tags[1]!, key: 'other', label: 'claim' }] };
    expect(() => workbench.codebook.import(clash)).toThrow(/same label/);
    expect(workbench.codebook.list()).toEqual(tags);
    store.close();
  });
});

describe('SettingsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('keeps the look of the reader and falls back to defaults for values it cannot read', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    expect(workbench.settings.get()).toMatchObject({ theme: 'system', zoom: 1, readingWidth: 'comfortable' });
    workbench.settings.update({ theme: 'dark', zoom: 1.25, readingWidth: 'wide' });
    expect(workbench.settings.get()).toMatchObject({
      authorName: 'Ann',
      theme: 'dark',
      zoom: 1.25,
      readingWidth: 'wide',
    });
    store.settings.set('zoom', 'huge');
    store.settings.set('theme', 'sepia');
    expect(workbench.settings.get()).toMatchObject({ theme: 'system', zoom: 1, readingWidth: 'wide' });
    store.close();
  });
});

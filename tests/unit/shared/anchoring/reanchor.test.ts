import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorAt } from '../../../../shared/anchoring/anchorAt';
import { type AnchoredPassage, reanchor, reanchorAll } from '../../../../shared/anchoring/reanchor';
import { textDiff } from '../../../../shared/anchoring/textDiff';
import { simulate } from '../../../support/editSimulator';
import { FIXTURES } from '../../support/library';

const TEXT =
  'The council met on Tuesday. It voted 7 to 2 to fund the bridge, which it had twice rejected.\n\n' +
  '“This bridge will pay for itself,” the mayor said. The opposition called the vote rushed.\n\n' +
  'Construction starts in spring. The budget is 12 million euros.';

function on(text: string, needle: string, occurrence = 0): AnchoredPassage {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = text.indexOf(needle, start + 1);
  if (start === -1) throw new Error(`"${needle}" is not in the text.`);
  return { start, end: start + needle.length, ...anchorAt(text, start, start + needle.length) };
}

function placed(newText: string, result: ReturnType<typeof reanchor>): string | null {
  return result.status === 'orphaned' ? null : newText.slice(result.start, result.end);
}

describe('reanchor', () => {
  it('keeps a passage exact when only other paragraphs changed, its offsets shifted', () => {
    const passage = on(TEXT, 'The budget is 12 million euros.');
    const newText = TEXT.replace('met on Tuesday', 'met late on Tuesday evening');
    const result = reanchor(passage, TEXT, newText);
    expect(result).toMatchObject({ status: 'exact', quote: 'The budget is 12 million euros.' });
    expect(result.status !== 'orphaned' && result.start).toBe(passage.start + 'late  evening'.length);
  });

  it('follows a paragraph that moved, and says so', () => {
    const [first, second, third] = TEXT.split('\n\n');
    const newText = [third, first, second].join('\n\n');
    const passage = on(TEXT, 'the mayor said');
    const result = reanchor(passage, TEXT, newText);
    expect(result.status).toMatch(/exact|moved/);
    expect(placed(newText, result)).toBe('the mayor said');
    expect(result.status !== 'orphaned' && result.start).toBe(newText.indexOf('the mayor said'));
  });

  it('marks a passage whose words were edited as changed, with old and new words', () => {
    const passage = on(TEXT, 'It voted 7 to 2 to fund the bridge');
    const newText = TEXT.replace('7 to 2', '8 to 1');
    expect(reanchor(passage, TEXT, newText)).toMatchObject({
      status: 'changed',
      quote: 'It voted 8 to 1 to fund the bridge',
      previousQuote: 'It voted 7 to 2 to fund the bridge',
    });
  });

  it('orphans a passage whose sentence was deleted, rather than placing it on a lookalike', () => {
    const passage = on(TEXT, 'the bridge', 0);
    const newText = TEXT.replace('It voted 7 to 2 to fund the bridge, which it had twice rejected.', '');
    // "the bridge" is still in the text once ("This bridge" aside), but not as this passage.
    expect(newText).not.toContain('fund the bridge');
    expect(reanchor(passage, TEXT, newText).status).toBe('orphaned');
  });

  it('does not move a passage onto the same words the article says again elsewhere', () => {
    const twice =
      'Sudan says it will improve access for aid groups, stop supporting rebels in neighboring South Sudan and talk.\n\n' +
      'Later, officials said Sudan will improve access for aid groups, stop supporting rebels in neighboring South Sudan, in time.';
    const passage = on(twice, 'stop supporting rebels in neighboring', 0);
    const newText = twice.replace(
      'Sudan says it will improve access for aid groups, stop supporting rebels in neighboring South Sudan and talk.',
      'Sudan says little.',
    );
    expect(reanchor(passage, twice, newText).status).toBe('orphaned');
  });

  it('does not leave a cut sentence’s first word on the next sentence that starts the same way', () => {
    const old =
      'Les données ne seraient pas conservées.\n\nLa Commission nationale informatique et libertés dit non. La CNIL soulève notamment que.';
    const newText = 'Les données ne seraient pas conservées.\n\nLa CNIL soulève notamment que.';
    expect(reanchor(on(old, 'La', 0), old, newText).status).toBe('orphaned');
    // The second sentence's own "La" is still where it was.
    expect(reanchor(on(old, 'La CNIL soulève'), old, newText)).toMatchObject({ status: 'exact', start: 41 });
  });

  it('keeps a passage at the end of the text exact when the article also says it earlier', () => {
    const old =
      'The council approved the bridge on Tuesday, and opponents said the vote was rushed.\n\n' +
      'The mayor disagreed. Critics in the opposition insist the vote was rushed.';
    const newText = old.replace(
      'Critics in the opposition insist',
      'Several members of the opposition still say',
    );
    const start = old.lastIndexOf('the vote was rushed');
    const passage = { start, end: start + 19, ...anchorAt(old, start, start + 19) };
    expect(reanchor(passage, old, newText)).toMatchObject({
      status: 'exact',
      start: newText.lastIndexOf('the vote was rushed'),
    });
  });

  it('takes white space and quote styles for the same words, updating the quote', () => {
    const passage = on(TEXT, '“This bridge will pay for itself,” the mayor said.');
    const newText = TEXT.replace('“This bridge will pay for itself,”', '"This  bridge will pay for itself,"');
    const result = reanchor(passage, TEXT, newText);
    expect(result.status).toMatch(/exact|moved/);
    expect(placed(newText, result)).toBe('"This  bridge will pay for itself," the mayor said.');
  });

  it('finds a rewritten passage approximately when its place was rewritten around it', () => {
    const passage = on(TEXT, 'The opposition called the vote rushed.');
    const newText = `${TEXT.replace(' The opposition called the vote rushed.', '')}\n\nThe opposition called the vote very rushed.`;
    const result = reanchor(passage, TEXT, newText);
    expect(result).toMatchObject({ status: 'changed', quote: 'The opposition called the vote very rushed.' });
  });

  it('diffs word by word, and does not keep a common word alone inside a rewrite', () => {
    const segments = textDiff('a b c the x y z end', 'a b q r s the t u v w end');
    const equal = segments.filter((segment) => segment.isEqual);
    expect(equal.map((segment) => 'a b c the x y z end'.slice(segment.oldStart, segment.oldEnd))).toEqual([
      'a b ',
      'end',
    ]);
  });
});

describe('reanchoring under many random realistic edits', () => {
  it('keeps every surviving passage on its own words and never places one on other words unflagged', async () => {
    const text = readFileSync(`${FIXTURES}/ectc-terror-report.txt`, 'utf8').replace(/\r\n/g, '\n');
    const outcome = simulate(text, { annotations: 40, rounds: 15, editsPerRound: 8, seed: 11 });
    expect(Object.values(outcome.edits).reduce((sum, count) => sum + count, 0)).toBe(120);
    expect(outcome.unflaggedWrong).toBe(0);
    expect(outcome.survivors).toBeGreaterThan(400);
    expect(outcome.survivorsOnTheirWords / outcome.survivors).toBeGreaterThanOrEqual(0.99);
    expect(outcome.casualtiesFlagged).toBe(outcome.casualties);
  });

  it('places a whole library of annotations in one pass', () => {
    const text = readFileSync(`${FIXTURES}/ectc-terror-report.txt`, 'utf8').replace(/\r\n/g, '\n');
    const passages = [on(text, '66 countries'), on(text, 'See the pattern?')];
    const results = reanchorAll(passages, text, text.replace('66 countries', '67 countries'));
    expect(results.map((result) => result.status)).toEqual(['changed', 'exact']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  removeAnnotation,
  retagAnnotation,
  selectAnnotation,
} from '../../../../../renderer/src/editor/commands/changeAnnotation';
import { setComment } from '../../../../../renderer/src/editor/commands/changeThread';
import { tagSelection } from '../../../../../renderer/src/editor/commands/tagSelection';
import { annotationsOf } from '../../../../../renderer/src/editor/plugins/annotationsPlugin';
import { historyDepth, redo, undo } from '../../../../../renderer/src/editor/plugins/historyPlugin';
import { offsetToPosition } from '../../../../../renderer/src/editor/schema/articleSchema';

import { blocks, editor, text } from './editorSession';

describe('the editor document', () => {
  it('puts every canonical offset one position later, across blocks', () => {
    const { state } = editor();
    for (const block of blocks) {
      expect(state.doc.textBetween(offsetToPosition(block.start), offsetToPosition(block.end))).toBe(
        block.text,
      );
    }
    expect(state.doc.textBetween(0, state.doc.content.size, '\n\n')).toBe(text);
  });
});

describe('tagging', () => {
  it('snaps the selection to whole words and selects the new annotation', () => {
    const session = editor();
    session.select('66 countries', 1, 8);
    expect(session.run(tagSelection('claim', session.context))).toBe(true);
    const [annotation] = session.list();
    expect(annotation).toMatchObject({ tag: 'claim', quote: '66 countries' });
    expect(text.slice(annotation!.start, annotation!.end)).toBe(annotation!.quote);
    expect(annotationsOf(session.state).selectedId).toBe(annotation!.id);
    expect(session.changes).toEqual([{ before: null, after: annotation }]);
  });

  it('does nothing without a selection, or with only white space selected', () => {
    const session = editor();
    expect(session.run(tagSelection('claim', session.context))).toBe(false);
    session.select('66 countries', 4, 5);
    expect(session.run(tagSelection('claim', session.context))).toBe(true);
    expect(session.list()[0]?.quote).toBe('countries');
    session.select(' and is', 0, 1);
    expect(session.run(tagSelection('quote', session.context))).toBe(false);
  });

  it('draws overlapping annotations in different lanes', () => {
    const session = editor();
    session.select('includes 66 countries and');
    session.run(tagSelection('claim', session.context));
    session.select('66 countries');
    session.run(tagSelection('quote', session.context));
    const { lanes } = annotationsOf(session.state);
    expect(new Set(lanes.values())).toEqual(new Set([0, 1]));
  });
});

describe('changes and history', () => {
  it('retags, comments and deletes, and undoes and redoes each in order', () => {
    const session = editor();
    session.select('66 countries');
    session.run(tagSelection('claim', session.context));
    const id = session.list()[0]!.id;
    session.run(retagAnnotation(id, 'opinion', session.context));
    session.run(setComment(id, 'Check', session.context));
    session.run(removeAnnotation(id));
    expect(session.list()).toEqual([]);

    session.run(undo);
    expect(session.list()[0]).toMatchObject({ tag: 'opinion', comments: [{ body: 'Check', author: 'Ann' }] });
    session.run(undo);
    expect(session.list()[0]?.comments).toEqual([]);
    session.run(undo);
    expect(session.list()[0]?.tag).toBe('claim');
    session.run(undo);
    expect(session.list()).toEqual([]);
    expect(historyDepth(session.state)).toEqual({ canUndo: false, canRedo: true });

    session.run(redo);
    session.run(redo);
    expect(session.list()[0]?.tag).toBe('opinion');
    // Every step, undo and redo included, reached the dispatcher as a change to persist.
    expect(session.changes).toHaveLength(10);
  });

  it('folds a burst of comment typing into one undo step', () => {
    const session = editor();
    session.select('66 countries');
    session.run(tagSelection('claim', session.context));
    const id = session.list()[0]!.id;
    for (const body of ['C', 'Ch', 'Che', 'Chec', 'Check'])
      session.run(setComment(id, body, session.context));
    session.run(undo);
    expect(session.list()[0]?.comments).toEqual([]);
    session.run(redo);
    expect(session.list()[0]?.comments[0]?.body).toBe('Check');
  });

  it('removes an emptied comment, and starts a new history branch after an undo', () => {
    const session = editor();
    session.select('66 countries');
    session.run(tagSelection('claim', session.context));
    const id = session.list()[0]!.id;
    session.run(setComment(id, 'Note', session.context));
    session.run(setComment(id, '', session.context));
    expect(session.list()[0]?.comments).toEqual([]);
    session.run(undo);
    session.run(selectAnnotation(null));
    session.select('United States');
    session.run(tagSelection('quote', session.context));
    expect(historyDepth(session.state).canRedo).toBe(false);
  });
});

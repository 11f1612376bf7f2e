import { describe, expect, it } from 'vitest';
import {
  resizeAnnotation,
  setAttribute,
} from '../../../../../../renderer/src/editor/commands/changeAnnotation';
import {
  canDelete,
  deleteComment,
  editComment,
  replyTo,
  setComment,
  setResolved,
} from '../../../../../../renderer/src/editor/commands/changeThread';
import { extendSelection } from '../../../../../../renderer/src/editor/commands/extendSelection';
import { tagSelection } from '../../../../../../renderer/src/editor/commands/tagSelection';
import { redo, undo } from '../../../../../../renderer/src/editor/plugins/historyPlugin';
import { positionToOffset } from '../../../../../../renderer/src/editor/schema/articleSchema';
import { hasOpenThread } from '../../../../../../shared/model';
import { editor, text } from '../editorSession';

function tagged(needle = '66 countries') {
  const session = editor();
  session.select(needle);
  session.run(tagSelection('claim', session.context));
  const id = session.list()[0]!.id;
  const current = () => session.list()[0]!;
  return { session, id, current };
}

describe('comment threads', () => {
  it('replies, edits, resolves, reopens and deletes, each one undoable step', () => {
    const { session, id, current } = tagged();
    session.run(setComment(id, 'Source?', session.context));
    const threadId = current().comments[0]!.id;
    session.run(replyTo(id, threadId, 'Europol, p. 4', session.context));
    const replyId = current().comments[0]!.replies[0]!.id;
    session.run(editComment(id, replyId, 'Europol TE-SAT, p. 4', session.context));
    session.run(setResolved(id, threadId, true, session.context));
    expect(current().comments[0]).toMatchObject({
      body: 'Source?',
      resolvedBy: 'Ann',
      replies: [{ body: 'Europol TE-SAT, p. 4', author: 'Ann' }],
    });
    expect(hasOpenThread(current())).toBe(false);
    session.run(setResolved(id, threadId, false, session.context));
    expect(hasOpenThread(current())).toBe(true);
    session.run(deleteComment(id, replyId, session.context));
    expect(current().comments[0]!.replies).toEqual([]);

    session.run(undo);
    expect(current().comments[0]!.replies).toHaveLength(1);
    session.run(undo);
    expect(hasOpenThread(current())).toBe(false);
    session.run(undo);
    session.run(undo);
    expect(current().comments[0]!.replies[0]!.body).toBe('Europol, p. 4');
    session.run(redo);
    expect(current().comments[0]!.replies[0]!.body).toBe('Europol TE-SAT, p. 4');
  });

  it("never edits or deletes another author's comment, and a reply reopens a resolved thread", () => {
    const { session, id, current } = tagged();
    const bea = { ...session.context, author: 'Bea' };
    session.run(setComment(id, 'Bea asks', bea));
    const threadId = current().comments[0]!.id;
    expect(session.run(setComment(id, 'Ann rewrites', session.context))).toBe(false);
    expect(session.run(editComment(id, threadId, 'Ann rewrites', session.context))).toBe(false);
    expect(session.run(deleteComment(id, threadId, session.context))).toBe(false);
    expect(current().comments[0]!.body).toBe('Bea asks');

    session.run(setResolved(id, threadId, true, session.context));
    session.run(replyTo(id, threadId, 'One more thing', session.context));
    expect(current().comments[0]!.resolvedAt).toBeNull();
    expect(canDelete(current().comments[0]!, 'Bea')).toBe(false);
    expect(session.run(replyTo(id, threadId, '   ', session.context))).toBe(false);
  });
});

describe('attributes', () => {
  it('sets and clears values, and typing in one field undoes as one step', () => {
    const { session, id, current } = tagged();
    for (const speaker of ['E', 'Eu', 'Europol'])
      session.run(setAttribute(id, 'speaker', speaker, session.context));
    session.run(
      setAttribute(id, 'evidence', [{ url: 'https://example.org', note: 'p. 4' }], session.context),
    );
    expect(current().attributes).toEqual({
      speaker: 'Europol',
      evidence: [{ url: 'https://example.org', note: 'p. 4' }],
    });
    session.run(setAttribute(id, 'evidence', undefined, session.context));
    expect(current().attributes).toEqual({ speaker: 'Europol' });
    expect(session.run(setAttribute(id, 'evidence', undefined, session.context))).toBe(false);
    // Setting and clearing the same field in quick succession is one step, like typing.
    session.run(undo);
    expect(current().attributes).toEqual({ speaker: 'Europol' });
    session.run(undo);
    expect(current().attributes).toEqual({});
  });
});

describe('boundaries and selection', () => {
  it('moves an annotation and keeps its quote equal to the text, undoably', () => {
    const { session, id, current } = tagged();
    const before = current();
    const start = text.indexOf('includes');
    expect(session.run(resizeAnnotation(id, start, before.end, session.context))).toBe(true);
    expect(current()).toMatchObject({ quote: 'includes 66 countries', start });
    expect(text.slice(current().start, current().end)).toBe(current().quote);
    expect(session.run(resizeAnnotation(id, before.end, before.end, session.context))).toBe(false);
    session.run(undo);
    expect(current().quote).toBe('66 countries');
  });

  it('extends a selection, or the selected annotation, to its sentence and its quotation', () => {
    const session = editor();
    session.select('66 countries');
    session.run(extendSelection('sentence'));
    const { from, to } = session.state.selection;
    expect(text.slice(positionToOffset(from), positionToOffset(to))).toBe(
      'The coalition includes 66 countries and is led by the United States.',
    );
    session.select('imminent');
    session.run(tagSelection('quote', session.context));
    expect(session.run(extendSelection('quotation'))).toBe(true);
    const selection = session.state.selection;
    expect(text.slice(positionToOffset(selection.from), positionToOffset(selection.to))).toBe(
      '“A real and imminent danger.”',
    );
  });
});

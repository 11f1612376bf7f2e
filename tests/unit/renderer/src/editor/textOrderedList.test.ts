import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationChange } from '../../../../../renderer/src/editor/plugins/annotationChange';
import { applyToTextOrder } from '../../../../../renderer/src/editor/textOrderedList';
import type { Annotation } from '../../../../../shared/model';
import { sortAnnotations } from '../../../../../shared/report';

const annotation = (id: number, start: number, length: number, tag = 'claim'): Annotation => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  documentId: '00000000-0000-4000-8000-000000000000',
  tag,
  start,
  end: start + length,
  quote: 'x'.repeat(length),
  prefix: '',
  suffix: '',
  attributes: {},
  comments: [],
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
});

describe('applyToTextOrder', () => {
  it('matches sorting from scratch after any sequence of adds, retags and removes', () => {
    const operation = fc.record({
      kind: fc.constantFrom('add', 'retag', 'remove'),
      start: fc.nat({ max: 50 }),
      length: fc.integer({ min: 1, max: 10 }),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        let list: readonly Annotation[] = [];
        const live = new Map<string, Annotation>();
        let nextId = 1;
        for (const step of operations) {
          const existing = [...live.values()];
          const target = existing[step.pick % Math.max(1, existing.length)];
          let change: AnnotationChange | null = null;
          if (step.kind === 'add' || !target)
            change = { before: null, after: annotation(nextId++, step.start, step.length) };
          else if (step.kind === 'retag') change = { before: target, after: { ...target, tag: 'quote' } };
          else change = { before: target, after: null };
          if (change.after) live.set(change.after.id, change.after);
          else live.delete(change.before!.id);
          list = applyToTextOrder(list, [change]);
        }
        expect(list).toEqual(sortAnnotations([...live.values()]));
      }),
    );
  });

  it('returns the same list when nothing changed', () => {
    const list = [annotation(1, 0, 3)];
    expect(applyToTextOrder(list, [])).toBe(list);
  });
});

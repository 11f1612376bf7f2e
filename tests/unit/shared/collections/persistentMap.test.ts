import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from '../../../../shared/collections/persistentMap';

type Operation = { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string };

const keys = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a', 'b', 'constructor', '__proto__'),
);
const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: keys, value: fc.integer() }),
    fc.record({ kind: fc.constant('delete' as const), key: keys }),
  ),
  { maxLength: 60 },
);

describe('PersistentMap', () => {
  it('answers like a Map after any sequence of changes, and never changes an earlier version', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.integer()), { maxLength: 30 }),
        operations,
        (initial, steps: Operation[]) => {
          const reference = new Map(initial);
          let map = PersistentMap.of(initial);
          const versions: [PersistentMap<number>, [string, number][]][] = [[map, [...reference]]];
          for (const step of steps) {
            if (step.kind === 'set') {
              reference.set(step.key, step.value);
              map = map.set(step.key, step.value);
            } else {
              reference.delete(step.key);
              map = map.delete(step.key);
            }
            versions.push([map, [...reference]]);
          }
          for (const [version, entries] of versions) {
            expect(version.size).toBe(entries.length);
            for (const [key, value] of entries) {
              expect(version.has(key)).toBe(true);
              expect(version.get(key)).toBe(value);
            }
            expect([...version.values()].sort()).toEqual(entries.map(([, value]) => value).sort());
          }
          for (const step of steps) expect(map.has(step.key)).toBe(reference.has(step.key));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns itself when deleting a key it does not hold', () => {
    const map = PersistentMap.of([['a', 1]]);
    expect(map.delete('b')).toBe(map);
  });
});

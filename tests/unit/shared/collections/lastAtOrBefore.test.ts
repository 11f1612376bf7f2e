import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from '../../../../shared/collections/lastAtOrBefore';

describe('lastAtOrBefore', () => {
  it('finds the last item whose key is at most the one asked for, as a linear scan would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: -5, max: 60 }),
        (keys, key) => {
          const sorted = [...keys].sort((a, b) => a - b);
          let expected = -1;
          sorted.forEach((candidate, index) => {
            if (candidate <= key) expected = index;
          });
          if (expected === -1 && sorted.length > 0) expected = 0;
          const found = lastAtOrBefore(sorted, key, (item) => item);
          // Among equal keys any is right; the key found must be the expected one.
          expect(found === -1 ? undefined : sorted[found]).toBe(
            expected === -1 ? undefined : sorted[expected],
          );
        },
      ),
    );
  });
});

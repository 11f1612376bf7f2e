/** The first index at which `value` could be inserted into sorted `list` keeping it sorted (binary search). */
export function lowerBound<T>(list: readonly T[], value: T, compare: (left: T, right: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, value) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

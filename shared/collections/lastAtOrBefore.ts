/**
 * The index of the last item of `list` (sorted by `keyOf`, ascending) whose key is at most
 * `key`, by binary search; 0 when every key is greater, -1 when the list is empty.
 */
export function lastAtOrBefore<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (keyOf(list[middle]!) <= key) low = middle;
    else high = middle - 1;
  }
  return high < 0 ? -1 : low;
}

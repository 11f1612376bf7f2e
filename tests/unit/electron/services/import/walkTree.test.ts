import { describe, expect, it } from 'vitest';
import { walkTree } from '../../../../../electron/services/import/walkTree';

interface FakeNode {
  name: string;
  firstChild: FakeNode | null;
  nextSibling: FakeNode | null;
  parentNode: FakeNode | null;
}

/** A tree of plain objects shaped like DOM nodes, built from nested arrays: [name, ...children]. */
function tree(spec: NestedSpec, parent: FakeNode | null = null): FakeNode {
  const [name, ...children] = spec;
  const node: FakeNode = { name, firstChild: null, nextSibling: null, parentNode: parent };
  let previous: FakeNode | null = null;
  for (const child of children) {
    const childNode = tree(child, node);
    if (previous === null) node.firstChild = childNode;
    else previous.nextSibling = childNode;
    previous = childNode;
  }
  return node;
}
type NestedSpec = [string, ...NestedSpec[]];

function walk(root: FakeNode, skip: ReadonlySet<string> = new Set()): string[] {
  const events: string[] = [];
  walkTree(root as unknown as Node, (node) => {
    const { name } = node as unknown as FakeNode;
    events.push(`<${name}`);
    if (skip.has(name)) return false;
    return name.startsWith('leaf') ? true : () => events.push(`${name}>`);
  });
  return events;
}

describe('walkTree', () => {
  it('enters nodes in document order and leaves each after its subtree', () => {
    const root = tree(['root', ['a', ['b'], ['leaf1']], ['c'], ['d', ['e', ['f']]]]);
    expect(walk(root)).toEqual([
      '<a',
      '<b',
      'b>',
      '<leaf1',
      'a>',
      '<c',
      'c>',
      '<d',
      '<e',
      '<f',
      'f>',
      'e>',
      'd>',
    ]);
  });

  it('skips the subtree of a node that asks for it, without leaving it', () => {
    const root = tree(['root', ['a', ['hidden']], ['skipped', ['hidden']], ['c']]);
    expect(walk(root, new Set(['skipped']))).toEqual([
      '<a',
      '<hidden',
      'hidden>',
      'a>',
      '<skipped',
      '<c',
      'c>',
    ]);
  });

  it('walks a tree far deeper than the call stack allows', () => {
    const depth = 200_000;
    const root: FakeNode = { name: 'root', firstChild: null, nextSibling: null, parentNode: null };
    let parent = root;
    for (let level = 0; level < depth; level += 1) {
      const child: FakeNode = { name: `n${level}`, firstChild: null, nextSibling: null, parentNode: parent };
      parent.firstChild = child;
      parent = child;
    }
    const events = walk(root);
    expect(events).toHaveLength(depth * 2);
    expect(events.at(-1)).toBe('n0>');
  });
});

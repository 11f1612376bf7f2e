/** Called after a node's subtree has been walked. */
export type ExitNode = () => void;

/**
 * Walks the nodes under `root` in document order without recursion, so deeply nested pages cannot
 * overflow the stack. `enter` returns false to skip a node's subtree, true to walk it, or a
 * function to call once the subtree is done.
 */
export function walkTree(root: Node, enter: (node: Node) => ExitNode | boolean): void {
  const exits: Array<ExitNode | true> = [];
  let node: Node | null = root.firstChild;
  while (node !== null) {
    const result = enter(node);
    if (result !== false && node.firstChild !== null) {
      exits.push(result);
      node = node.firstChild;
      continue;
    }
    if (typeof result === 'function') result();
    while (node !== null) {
      const sibling: Node | null = node.nextSibling;
      if (sibling !== null) {
        node = sibling;
        break;
      }
      const parent: Node | null = node.parentNode;
      if (parent === null || parent === root) {
        node = null;
        break;
      }
      const exit = exits.pop();
      if (typeof exit === 'function') exit();
      node = parent;
    }
  }
}

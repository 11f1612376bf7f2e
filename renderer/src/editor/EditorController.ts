import { type Command, EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { moveBoundary } from '../../../shared/anchoring';
import type { OpenedArticle } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { sortAnnotations } from '../../../shared/report';
import {
  removeAnnotation,
  resizeAnnotation,
  retagAnnotation,
  selectAnnotation,
} from './commands/changeAnnotation';
import { setComment } from './commands/changeThread';
import type { EditContext } from './commands/editContext';
import { extendSelection, type SelectionUnit } from './commands/extendSelection';
import { tagSelection } from './commands/tagSelection';
import { backgroundLayout, blockNodeViews, inQuietFrames, LAID_OUT_CLASS } from './layoutInBackground';
import { ANNOTATION_META, type AnnotationChange, annotationMetaOf } from './plugins/annotationChange';
import { annotationsOf, annotationsPlugin, SHOWN_AROUND } from './plugins/annotationsPlugin';
import {
  clearFind,
  currentMatchOf,
  type FindResult,
  findNext,
  findPlugin,
  findPrevious,
  findQuery,
  findResultOf,
  findStateOf,
} from './plugins/findPlugin';
import { clearHistory, historyPlugin, redo, undo } from './plugins/historyPlugin';
import { pageMarkersPlugin } from './plugins/pageMarkers';
import { articleSchema, positionToOffset } from './schema/articleSchema';
import { articleToDoc } from './schema/articleToDoc';
import { applyToTextOrder } from './textOrderedList';

/** What the rest of the app shows of the editor's state. */
export interface EditorSnapshot {
  /** Every annotation, in text order. */
  annotations: readonly Annotation[];
  /** The selected annotation, or null. */
  selected: Annotation | null;
  hasTextSelection: boolean;
}

/** What the controller reports to its host. */
export interface EditorListener {
  /** Annotation changes to persist, in the order they happened. */
  onChanges(changes: readonly AnnotationChange[]): void;
  /** The state the app shows changed. */
  onSnapshot(snapshot: EditorSnapshot): void;
  /** A click landed where several annotations overlap: the user picks one, near `point`. */
  onPick(ids: readonly string[], point: { x: number; y: number }): void;
}

/**
 * How much of the article's start has its highlights drawn when it opens: about five screens.
 * Drawing every highlight of a long article is most of the work of opening it.
 */
const FIRST_SHOWN_CHARS = 10_000;
/** How many characters either way of a passage brought into view are laid out first: two screens. */
const LAID_OUT_AROUND = 5_000;
/** How much more gets its highlights drawn in each quiet frame afterwards (a few milliseconds). */
const SHOWN_CHARS_PER_STEP = 40_000;

/**
 * Owns the ProseMirror view of one article and offers the workbench's commands on it. The view
 * is read-only: transactions change only annotations (as plugin state), never the text.
 */
export class EditorController {
  private readonly view: EditorView;
  private readonly stopBackground: () => void;
  private scrollFrame = 0;
  /** Every annotation in text order, kept up to date change by change. */
  private inTextOrder: readonly Annotation[];

  constructor(
    mount: HTMLElement,
    opened: OpenedArticle,
    private readonly context: EditContext,
    private readonly listener: EditorListener,
  ) {
    this.inTextOrder = sortAnnotations(opened.annotations);
    const state = EditorState.create({
      doc: articleToDoc(opened.article),
      plugins: [
        annotationsPlugin({
          documentId: opened.article.id,
          text: opened.article.text,
          annotations: opened.annotations,
          shownChars: FIRST_SHOWN_CHARS,
        }),
        historyPlugin(),
        findPlugin({ text: opened.article.text }),
        pageMarkersPlugin(opened.article.blocks),
      ],
    });
    this.view = new EditorView(mount, {
      state,
      editable: () => false,
      nodeViews: blockNodeViews(articleSchema),
      // Keys are the app's: one handler serves the article, the list and the rest of the window.
      attributes: { tabindex: '0', class: 'article-text', 'aria-label': 'Article text' },
      handleClick: (_view, _position, event) => this.clickAnnotation(event),
      dispatchTransaction: (transaction) => this.apply(transaction),
    });
    // Once the analyst pauses, the remaining highlights are drawn, then the blocks laid out.
    const layout = backgroundLayout(this.view.dom);
    const stopFrames = inQuietFrames(() => this.showNextBlocks() || layout.step());
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.stopBackground = () => {
      stopFrames();
      layout.remove();
      document.removeEventListener('scroll', this.onScroll, { capture: true });
      cancelAnimationFrame(this.scrollFrame);
    };
    this.listener.onSnapshot(this.snapshot());
  }

  /** The selected text as canonical offsets, or null when nothing is selected. */
  selectedRange(): { start: number; end: number } | null {
    const { from, to, empty } = this.view.state.selection;
    if (empty) return null;
    return { start: positionToOffset(from), end: positionToOffset(to) };
  }

  /** Moves an annotation onto the selected text (undoable like any change); false when nothing is selected. */
  moveToSelection(id: string): boolean {
    const range = this.selectedRange();
    return range ? this.run(resizeAnnotation(id, range.start, range.end, this.context)) : false;
  }

  /** Tags the selected text. */
  tag(tagKey: string): boolean {
    const done = this.run(tagSelection(tagKey, this.context));
    if (done) this.focus();
    return done;
  }

  /** Gives an annotation another tag. */
  retag(id: string, tagKey: string): boolean {
    return this.run(retagAnnotation(id, tagKey, this.context));
  }

  /** Deletes an annotation. */
  remove(id: string): boolean {
    return this.run(removeAnnotation(id));
  }

  /** Sets the text of an annotation's own comment. */
  setComment(id: string, body: string): boolean {
    return this.run(setComment(id, body, this.context));
  }

  /** Runs a change built with the edit context: attributes and comment threads, from the panels. */
  edit(build: (context: EditContext) => Command): boolean {
    return this.run(build(this.context));
  }

  /** Moves the selected annotation's start or end by one word (-1: towards the text's start). */
  moveSelectedBoundary(edge: 'start' | 'end', direction: -1 | 1): boolean {
    const { byId, selectedId, text } = annotationsOf(this.view.state);
    const selected = selectedId ? byId.get(selectedId) : undefined;
    if (!selected) return false;
    const range = moveBoundary(text, selected, edge, direction);
    return range ? this.run(resizeAnnotation(selected.id, range.start, range.end, this.context)) : false;
  }

  /** Extends the text selection (or the selected annotation's passage) to a sentence or quotation. */
  extendSelection(unit: SelectionUnit): boolean {
    const done = this.run(extendSelection(unit));
    if (done) this.focus();
    return done;
  }

  /** The annotation with this id, if the article has it. */
  annotation(id: string): Annotation | undefined {
    return annotationsOf(this.view.state).byId.get(id);
  }

  /** Selects an annotation; with `reveal`, scrolls its passage into the middle of the view. */
  select(id: string | null, options: { reveal?: boolean } = {}): void {
    this.run(selectAnnotation(id));
    if (id && options.reveal) this.reveal(id);
  }

  /** Undoes the last annotation change. */
  undo(): boolean {
    return this.run(undo);
  }

  /** Redoes the last undone annotation change. */
  redo(): boolean {
    return this.run(redo);
  }

  /**
   * Finds `query` in the article and scrolls to the current match: for a new query, the first
   * match at or after the one that was current (so refining a query keeps the reader's place), or
   * else at or after the start of the selection.
   */
  find(query: string, fromOffset?: number): FindResult {
    const { state } = this.view;
    const { matches, current } = findStateOf(state);
    const from = fromOffset ?? matches[current]?.start ?? Math.max(0, positionToOffset(state.selection.from));
    this.run(findQuery(query, { from }));
    return this.revealFind();
  }

  /** Moves to the next match, wrapping around, and scrolls to it. */
  findNext(): FindResult {
    this.run(findNext);
    return this.revealFind();
  }

  /** Moves to the previous match, wrapping around, and scrolls to it. */
  findPrevious(): FindResult {
    this.run(findPrevious);
    return this.revealFind();
  }

  /** Ends the find and removes its highlights. */
  clearFind(): void {
    this.run(clearFind);
  }

  /** Forgets the undo history (when the person writing changes). */
  clearHistory(): void {
    this.run(clearHistory);
  }

  /** Puts the keyboard focus on the article. */
  focus(): void {
    // ProseMirror's own focus() leaves a read-only view alone, so focus its element directly;
    // only when it lacks the focus, since focusing makes the browser bring style up to date.
    if (document.activeElement !== this.view.dom) this.view.dom.focus({ preventScroll: true });
  }

  /** Tears the view down. */
  destroy(): void {
    this.stopBackground();
    this.view.destroy();
  }

  private run(command: Command): boolean {
    return command(this.view.state, (transaction) => this.view.dispatch(transaction), this.view);
  }

  private apply(transaction: Transaction): void {
    const state = this.view.state.apply(transaction);
    const meta = annotationMetaOf(transaction);
    const changes = meta?.changes;
    // The changes go to the store before the view draws them, so they are on their way to disk
    // while the browser lays the page out.
    if (changes?.length) this.listener.onChanges(changes);
    this.view.updateState(state);
    // Drawing more highlights changes nothing the rest of the app shows.
    if (meta?.show && !changes && meta.select === undefined) return;
    if (changes?.length) this.inTextOrder = applyToTextOrder(this.inTextOrder, changes);
    this.listener.onSnapshot(this.snapshot());
  }

  private snapshot(): EditorSnapshot {
    const { byId, selectedId } = annotationsOf(this.view.state);
    return {
      annotations: this.inTextOrder,
      selected: (selectedId && byId.get(selectedId)) || null,
      hasTextSelection: !this.view.state.selection.empty,
    };
  }

  /**
   * Clicking a highlight selects its annotation. Where several overlap, the shortest (the most
   * specific) is selected and the host offers them all to pick from.
   */
  private clickAnnotation(event: MouseEvent): boolean {
    const { byId } = annotationsOf(this.view.state);
    const ids = new Set<string>();
    for (
      let element = event.target instanceof Element ? event.target.closest('[data-annotation-id]') : null;
      element;
    ) {
      ids.add(element.getAttribute('data-annotation-id')!);
      element = element.parentElement?.closest('[data-annotation-id]') ?? null;
    }
    const candidates = [...ids]
      .map((id) => byId.get(id))
      .filter((annotation) => annotation !== undefined)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    if (candidates.length === 0) return false;
    this.select(candidates[0]!.id);
    if (candidates.length > 1) {
      this.listener.onPick(
        candidates.map((annotation) => annotation.id),
        { x: event.clientX, y: event.clientY },
      );
    }
    return true;
  }

  /** Scrolls the current match into the middle of the view; the view has drawn it by now. */
  private revealFind(): FindResult {
    const match = currentMatchOf(this.view.state);
    const current = this.view.dom.querySelector('.find-match.is-current');
    if (match && current) this.centreInView(current, match.start, match.end);
    return findResultOf(this.view.state);
  }

  /** Draws the highlights of blocks `from` to `to` (exclusive), where they are not yet. */
  private showBlocks(from: number, to: number): void {
    const { decorations } = annotationsOf(this.view.state);
    const hidden = decorations.nextHidden(from);
    if (hidden === -1 || hidden >= to) return;
    this.view.dispatch(this.view.state.tr.setMeta(ANNOTATION_META, { show: { from: hidden, to } }));
  }

  /** Draws the highlights of the next blocks that lack them; false once all have them. */
  private showNextBlocks(): boolean {
    const { decorations } = annotationsOf(this.view.state);
    const from = decorations.nextHidden(0);
    if (from === -1) return false;
    const limit = decorations.blockStart(from) + SHOWN_CHARS_PER_STEP;
    let to = from + 1;
    while (to < decorations.blockCount && decorations.blockStart(to) < limit) to += 1;
    this.showBlocks(from, to);
    return true;
  }

  /** After a scroll, draws the highlights of the blocks now on screen, once a frame at most. */
  private readonly onScroll = (event: Event): void => {
    if (this.scrollFrame !== 0 || !(event.target instanceof Node) || !event.target.contains(this.view.dom)) {
      return;
    }
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const { decorations } = annotationsOf(this.view.state);
      // Once every block has its highlights, scrolling has nothing more to draw.
      if (decorations.nextHidden(0) === -1) {
        document.removeEventListener('scroll', this.onScroll, { capture: true });
        return;
      }
      const box = this.view.dom.getBoundingClientRect();
      const left = box.left + box.width / 2;
      const top = this.view.posAtCoords({ left, top: Math.max(box.top, 0) + 1 });
      const bottom = this.view.posAtCoords({ left, top: Math.min(box.bottom, window.innerHeight) - 1 });
      if (!top || !bottom) return;
      this.showBlocks(
        decorations.blockAt(top.pos) - SHOWN_AROUND.before,
        decorations.blockAt(bottom.pos) + SHOWN_AROUND.after,
      );
    });
  };

  /** Scrolls an annotation's passage into the middle of the view; selecting it drew it. */
  private reveal(id: string): void {
    const annotation = annotationsOf(this.view.state).byId.get(id);
    const element = this.view.dom.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`);
    if (annotation && element) this.centreInView(element, annotation.start, annotation.end);
  }

  /**
   * Scrolls `element`, which shows offsets `start` to `end`, into the middle of the view. Blocks
   * far off screen are laid out only when they come near, with a guessed height until then: were
   * the blocks around the passage laid out only once it is on screen, their real heights would
   * push it away (or, near the article's end, out of reach). So they are laid out first, a
   * couple of screens either way.
   */
  private centreInView(element: Element, start: number, end: number): void {
    const { decorations } = annotationsOf(this.view.state);
    const first = decorations.blockAt(start);
    const layOut = (index: number) => {
      const dom = this.view.nodeDOM(decorations.blockStart(index));
      if (dom instanceof Element) dom.classList.add(LAID_OUT_CLASS);
    };
    for (let index = first; index >= 0; index--) {
      if (index < first && decorations.blockEnd(index) < start - LAID_OUT_AROUND) break;
      layOut(index);
    }
    for (let index = first + 1; index < decorations.blockCount; index++) {
      if (decorations.blockStart(index) > end + LAID_OUT_AROUND) break;
      layOut(index);
    }
    element.scrollIntoView({ block: 'center' });
  }
}

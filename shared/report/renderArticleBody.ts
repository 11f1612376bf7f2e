import type { Block } from '../model';
import { blockSpans } from './blockSpans';
import { distributeNotes } from './distributeNotes';
import type { ReportNote } from './numberNotes';
import { renderInlineText } from './renderInlineText';

/** A wrapper some blocks share: list items their list, adjacent quoted paragraphs one blockquote. */
type Container = 'ul' | 'ol' | 'blockquote' | null;

/**
 * The article's blocks as HTML, each annotated passage drawn as `mark` fragments with its note
 * reference after it. Headings move one level down so the report's title stays the only h1;
 * consecutive list items share a list that keeps their numbers.
 */
export function renderArticleBody(blocks: readonly Block[], notes: readonly ReportNote[]): string {
  const perBlock = distributeNotes(blocks, notes);
  const parts: string[] = [];
  let container: Container = null;
  let expectedNumber = 1;
  blocks.forEach((block, index) => {
    const { notes: touching, refs } = perBlock[index]!;
    const content = renderInlineText(block.text, blockSpans(block, touching), refs);
    const wanted = containerOf(block);
    if (
      wanted !== container ||
      (wanted === 'ol' && block.number !== undefined && block.number < expectedNumber)
    ) {
      if (container !== null) parts.push(`</${container}>`);
      if (wanted === 'ol') {
        expectedNumber = block.number ?? 1;
        parts.push(expectedNumber === 1 ? '<ol>' : `<ol start="${expectedNumber}">`);
      } else if (wanted !== null) {
        parts.push(`<${wanted}>`);
      }
      container = wanted;
    }
    parts.push(blockHtml(block, content, expectedNumber));
    if (wanted === 'ol') expectedNumber = (block.number ?? expectedNumber) + 1;
  });
  if (container !== null) parts.push(`</${container}>`);
  return parts.join('\n');
}

function containerOf(block: Block): Container {
  if (block.type === 'listItem') return block.ordered ? 'ol' : 'ul';
  return block.type === 'blockquote' ? 'blockquote' : null;
}

function blockHtml(block: Block, content: string, expectedNumber: number): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 1) + 1);
      return `<h${level}>${content}</h${level}>`;
    }
    case 'listItem': {
      const hasOwnNumber = block.ordered && block.number !== undefined && block.number !== expectedNumber;
      return hasOwnNumber ? `<li value="${block.number}">${content}</li>` : `<li>${content}</li>`;
    }
    case 'preformatted':
      return `<pre>${content}</pre>`;
    default:
      return `<p>${content}</p>`;
  }
}

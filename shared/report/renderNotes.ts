import type { Annotation, Comment } from '../model';
import { dateHtml } from './dateHtml';
import { escapeHtml } from './escapeHtml';
import type { ReportNote } from './numberNotes';

/** A value of an annotation attribute; the model exports only its schema. */
type AttributeValue = Annotation['attributes'][string];

/** Longer quotes are shortened in their note: the full passage is marked in the article beside it. */
const MAX_QUOTE_LENGTH = 600;

/** The numbered notes: each annotation's tag, quote, attributes and comment thread, in text order. */
export function renderNotes(notes: readonly ReportNote[]): string {
  if (notes.length === 0) return '<p class="empty">No passages are annotated yet.</p>';
  const parts = ['<ol class="notes">'];
  for (const note of notes) parts.push(renderNote(note));
  parts.push('</ol>');
  return parts.join('\n');
}

function renderNote({ annotation, number, label }: ReportNote): string {
  const tag = escapeHtml(annotation.tag);
  const parts = [
    `<li class="note" id="note-${number}" data-tag="${tag}">`,
    '<p class="note-head">',
    `<span class="note-tag" data-tag="${tag}">${escapeHtml(label)}</span>`,
    ` <a class="note-back" href="#ref-${number}" aria-label="Back to the passage of note ${number}">↩</a>`,
    '</p>',
    `<blockquote class="note-quote">${escapeHtml(shorten(annotation.quote))}</blockquote>`,
  ];
  const attributes = Object.entries(annotation.attributes);
  if (attributes.length > 0) {
    parts.push('<dl class="note-attributes">');
    for (const [name, value] of attributes) {
      parts.push(`<div><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(attributeText(value))}</dd></div>`);
    }
    parts.push('</dl>');
  }
  if (annotation.comments.length > 0) parts.push(renderThread(annotation.comments, 'thread'));
  parts.push('</li>');
  return parts.join('');
}

function renderThread(comments: readonly Comment[], className: string): string {
  const parts = [`<ol class="${className}">`];
  for (const comment of comments) {
    const author = comment.author.trim() === '' ? 'Anonymous' : comment.author;
    parts.push(
      '<li class="comment"><p class="comment-meta">',
      `<span class="comment-author">${escapeHtml(author)}</span> `,
      dateHtml(comment.createdAt),
      '</p>',
      `<div class="comment-body">${escapeHtml(comment.body)}</div>`,
    );
    if (comment.replies.length > 0) parts.push(renderThread(comment.replies, 'replies'));
    parts.push('</li>');
  }
  parts.push('</ol>');
  return parts.join('');
}

function attributeText(value: AttributeValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function shorten(quote: string): string {
  if (quote.length <= MAX_QUOTE_LENGTH) return quote;
  let end = MAX_QUOTE_LENGTH;
  // Never end on half a surrogate pair: it would show as a replacement character.
  const code = quote.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${quote.slice(0, end).trimEnd()} …`;
}

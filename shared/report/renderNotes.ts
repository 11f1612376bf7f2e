import type { Annotation, AttributeDefinition, Comment, EvidenceLink } from '../model';
import { dateHtml } from './dateHtml';
import { escapeHtml } from './escapeHtml';
import type { ReportNote } from './numberNotes';
import { pageLabel } from './renderInlineText';
import type { DocumentScope, ReportOptions } from './reportOptions';

/** A value of an annotation attribute; the model exports only its schema. */
type AttributeValue = Annotation['attributes'][string];

/** Longer quotes are shortened in their note: the full passage is marked in the article beside it. */
const MAX_QUOTE_LENGTH = 600;

/**
 * A run of numbered notes: each annotation's tag, quote, attributes and (unless left out) comment
 * thread. Each item carries its own number, as a run need not be consecutive.
 */
export function renderNoteList(
  notes: readonly ReportNote[],
  options: Pick<ReportOptions, 'includeComments'>,
  scope: Pick<DocumentScope, 'idPrefix'>,
): string {
  const parts = [`<ol class="notes" start="${notes[0]?.number ?? 1}">`];
  for (const note of notes) parts.push(renderNote(note, options.includeComments, scope.idPrefix));
  parts.push('</ol>');
  return parts.join('');
}

function renderNote(
  { annotation, number, label, definitions, page }: ReportNote,
  includeComments: boolean,
  idPrefix: string,
): string {
  const tag = escapeHtml(annotation.tag);
  const parts = [
    `<li class="note" id="${idPrefix}note-${number}" value="${number}" data-tag="${tag}">`,
    '<p class="note-head">',
    `<span class="note-tag" data-tag="${tag}">${escapeHtml(label)}</span>`,
    page === undefined ? '' : ` <span class="note-page">${pageLabel(page)}</span>`,
    ` <a class="note-back" href="#${idPrefix}ref-${number}" aria-label="Back to the passage of note ${number}">↩</a>`,
    '</p>',
    `<blockquote class="note-quote">${escapeHtml(shorten(annotation.quote))}</blockquote>`,
  ];
  const attributes = attributeRows(annotation.attributes, definitions);
  if (attributes.length > 0) {
    parts.push('<dl class="note-attributes">');
    for (const { label: name, value, type } of attributes) {
      parts.push(`<div><dt>${escapeHtml(name)}</dt><dd>${attributeHtml(value, type)}</dd></div>`);
    }
    parts.push('</dl>');
  }
  if (includeComments && annotation.comments.length > 0)
    parts.push(renderThread(annotation.comments, 'thread'));
  parts.push('</li>');
  return parts.join('');
}

function renderThread(comments: readonly Comment[], className: string): string {
  const parts = [`<ol class="${className}">`];
  for (const comment of comments) {
    const author = comment.author.trim() === '' ? 'Anonymous' : comment.author;
    const resolved = comment.resolvedAt
      ? ` <span class="comment-resolved">Resolved${comment.resolvedBy ? ` by ${escapeHtml(comment.resolvedBy)}` : ''}</span>`
      : '';
    parts.push(
      `<li class="comment${comment.resolvedAt ? ' is-resolved' : ''}"><p class="comment-meta">`,
      `<span class="comment-author">${escapeHtml(author)}</span> `,
      dateHtml(comment.createdAt),
      resolved,
      '</p>',
      `<div class="comment-body">${escapeHtml(comment.body)}</div>`,
    );
    if (comment.replies.length > 0) parts.push(renderThread(comment.replies, 'replies'));
    parts.push('</li>');
  }
  parts.push('</ol>');
  return parts.join('');
}

/** One attribute as a note lists it. */
interface AttributeRow {
  label: string;
  value: AttributeValue;
  type: AttributeDefinition['type'] | undefined;
}

/**
 * The attributes worth showing, those the tag declares first and in its order, then any others
 * (from another analyst's codebook) under their keys. Empty values are left out.
 */
function attributeRows(
  attributes: Annotation['attributes'],
  definitions: readonly AttributeDefinition[],
): AttributeRow[] {
  const isEmpty = (value: AttributeValue | undefined) =>
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  const rows: AttributeRow[] = [];
  for (const definition of definitions) {
    const value = attributes[definition.key];
    if (!isEmpty(value)) rows.push({ label: definition.label, value: value!, type: definition.type });
  }
  const declared = new Set(definitions.map((definition) => definition.key));
  for (const [key, value] of Object.entries(attributes)) {
    if (!declared.has(key) && !isEmpty(value)) rows.push({ label: key, value, type: undefined });
  }
  return rows;
}

function attributeHtml(value: AttributeValue, type: AttributeDefinition['type'] | undefined): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return evidenceHtml(value);
  if (type === 'url' && typeof value === 'string') return linkHtml(value);
  return escapeHtml(String(value));
}

function evidenceHtml(links: readonly EvidenceLink[]): string {
  const items = links.map(
    (link) =>
      `<li>${linkHtml(link.url)}${link.note.trim() ? ` <span class="evidence-note">${escapeHtml(link.note)}</span>` : ''}</li>`,
  );
  return `<ul class="note-evidence">${items.join('')}</ul>`;
}

/** A link for web addresses only: any other scheme (javascript:, data:, file:) stays plain text. */
function linkHtml(url: string): string {
  const text = escapeHtml(url);
  return /^https?:\/\//i.test(url.trim())
    ? `<a href="${escapeHtml(url.trim())}" rel="noopener noreferrer">${text}</a>`
    : text;
}

function shorten(quote: string): string {
  if (quote.length <= MAX_QUOTE_LENGTH) return quote;
  let end = MAX_QUOTE_LENGTH;
  // Never end on half a surrogate pair: it would show as a replacement character.
  const code = quote.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${quote.slice(0, end).trimEnd()} …`;
}

import { z } from 'zod';
import { TagKey } from './tag';

/** The shape of a comment; replies nest. */
export interface Comment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** On a thread's first comment: when the thread was resolved (absent or null while open). */
  resolvedAt?: string | null;
  /** Who resolved the thread. */
  resolvedBy?: string | null;
  replies: Comment[];
}

/** A comment on an annotation, with its replies. */
export const Comment: z.ZodType<Comment> = z.object({
  id: z.uuid(),
  author: z.string().max(200),
  body: z.string().min(1).max(100_000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable().optional(),
  resolvedBy: z.string().max(200).nullable().optional(),
  get replies() {
    return z.array(Comment);
  },
});

/** A link with a note: one piece of a claim's evidence. */
export const EvidenceLink = z.object({ url: z.string().max(4000), note: z.string().max(10_000) });
/** An evidence link. */
export type EvidenceLink = z.infer<typeof EvidenceLink>;

/** A value of an annotation attribute (speaker, verdict, holder, a list of evidence links …). */
export const AttributeValue = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(EvidenceLink).max(200),
]);
/** An attribute value. */
export type AttributeValue = z.infer<typeof AttributeValue>;

/** How many characters of context `prefix` and `suffix` keep, for re-anchoring. */
export const CONTEXT_LENGTH = 32;

/**
 * A tagged passage. Offsets are UTF-16 code unit indexes into the article's canonical text, and
 * `text.slice(start, end) === quote` always holds.
 */
export const Annotation = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    tag: TagKey,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string().min(1),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
    attributes: z.record(z.string(), AttributeValue),
    comments: z.array(Comment),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .refine((annotation) => annotation.start < annotation.end, {
    message: 'An annotation must cover at least one character (start < end).',
    path: ['end'],
  });
/** An annotation. */
export type Annotation = z.infer<typeof Annotation>;

/** Whether an annotation has a comment thread nobody has resolved yet. */
export function hasOpenThread(annotation: Pick<Annotation, 'comments'>): boolean {
  return annotation.comments.some((comment) => !comment.resolvedAt);
}

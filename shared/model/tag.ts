import { z } from 'zod';

/** A tag key: lower-case letters, digits and dashes, starting with a letter. */
export const TagKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

/** How a tag's highlights are underlined: the cue that does not depend on colour. */
export const UnderlineStyle = z.enum(['solid', 'double', 'dotted', 'dashed', 'wavy']);
/** An underline style. */
export type UnderlineStyle = z.infer<typeof UnderlineStyle>;

/** A tag of the codebook (claim, quote, opinion, or one a user adds). */
export const Tag = z.object({
  key: TagKey,
  label: z.string().min(1),
  /** A "#rrggbb" colour. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string(),
  /** The key that applies the tag to a selection, "1" to "9", or null. */
  shortcut: z
    .string()
    .regex(/^[1-9]$/)
    .nullable(),
  underline: UnderlineStyle,
});
/** A tag. */
export type Tag = z.infer<typeof Tag>;

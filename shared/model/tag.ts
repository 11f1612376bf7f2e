import { z } from 'zod';

/** A tag key: lower-case letters, digits and dashes, starting with a letter. */
export const TagKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

/** How a tag's highlights are underlined: the cue that does not depend on colour. */
export const UnderlineStyle = z.enum(['solid', 'double', 'dotted', 'dashed', 'wavy']);
/** An underline style. */
export type UnderlineStyle = z.infer<typeof UnderlineStyle>;

/**
 * The kinds of value an attribute holds: free text, one of a list of choices, a number, a URL, or
 * a list of links with a note each (a claim's evidence).
 */
export const AttributeType = z.enum(['text', 'choice', 'number', 'url', 'links']);
/** An attribute type. */
export type AttributeType = z.infer<typeof AttributeType>;

/** An attribute key: a camelCase identifier, so it reads well as a JSON field and a CSV column. */
export const AttributeKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);

/** One field a tag's annotations carry, such as a quote's speaker or a claim's verdict. */
export const AttributeDefinition = z.object({
  key: AttributeKey,
  label: z.string().trim().min(1).max(80),
  type: AttributeType,
  /** The choices of a `choice` attribute, in the order they are offered. */
  options: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  /** The smallest and largest value of a `number` attribute. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Whether a `text` attribute offers the values already used anywhere in the library. */
  suggest: z.boolean().optional(),
});
/** An attribute definition. */
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

/** A tag of the codebook (claim, quote, opinion, or one a user adds). */
export const Tag = z.object({
  key: TagKey,
  label: z.string().trim().min(1).max(80),
  /** A "#rrggbb" colour. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(2000),
  /** The key that applies the tag to a selection, "1" to "9", or null. */
  shortcut: z
    .string()
    .regex(/^[1-9]$/)
    .nullable(),
  underline: UnderlineStyle,
  /** An archived tag is no longer offered for new annotations; the ones it has keep it and show. */
  archived: z.boolean(),
  /** The fields its annotations carry, edited in the annotation's details. */
  attributes: z.array(AttributeDefinition).max(40),
});
/** A tag. */
export type Tag = z.infer<typeof Tag>;

/** The value of `format` in a codebook file. */
export const CODEBOOK_FORMAT = 'margin.codebook';

/** A codebook file: the tags a team shares, with their colours, keys and attributes. */
export const Codebook = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.literal(1),
  tags: z.array(Tag).min(1).max(200),
});
/** A codebook file. */
export type Codebook = z.infer<typeof Codebook>;

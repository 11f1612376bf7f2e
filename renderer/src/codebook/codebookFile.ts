import type { z } from 'zod';
import { checkRequestDepth } from '../../../shared/api';
import { CODEBOOK_FORMAT, Codebook, type Tag } from '../../../shared/model';

/** The name an exported codebook is offered under. */
export const CODEBOOK_FILE_NAME = 'codebook.margin.json';

/**
 * The largest codebook file Margin reads: the codebook's import request has the API's default
 * limit of 2 MiB, so a larger file could not be sent anyway.
 */
export const MAX_CODEBOOK_FILE_BYTES = 2 * 1024 * 1024;

const CHOOSE_ANOTHER = 'choose a file exported from the Codebook panel';

/**
 * The codebook file for these tags, in their order. Tags and attributes are copied so the file
 * does not share objects with the state it was made from.
 */
export function codebookFileOf(tags: readonly Tag[]): Codebook {
  return {
    format: CODEBOOK_FORMAT,
    version: 1,
    tags: tags.map((tag) => ({
      ...tag,
      attributes: tag.attributes.map((attribute) => ({
        ...attribute,
        ...(attribute.options ? { options: [...attribute.options] } : {}),
      })),
    })),
  };
}

/**
 * Reads a codebook file's text. Throws an Error with one sentence for a person when the text is
 * not JSON, not a Margin codebook, from a newer Margin, or has a field a codebook does not allow.
 */
export function readCodebookFile(text: string): Codebook {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`This file is not a Margin codebook: it is not valid JSON; ${CHOOSE_ANOTHER}.`);
  }
  if (!isRecord(value) || value.format !== CODEBOOK_FORMAT) {
    throw new Error(
      `This file is not a Margin codebook: it has no "format": "${CODEBOOK_FORMAT}" field; ${CHOOSE_ANOTHER}.`,
    );
  }
  // A later version may have fields this one would drop, so it is refused rather than half-read.
  if (value.version !== 1) {
    throw new Error(
      `This codebook has version ${JSON.stringify(value.version)}, which this version of Margin cannot read; update Margin to import it.`,
    );
  }
  checkRequestDepth(value, 'This codebook');
  const result = Codebook.safeParse(value);
  if (!result.success) {
    throw new Error(
      `This codebook cannot be imported: ${describeIssue(value, result.error)}; correct the file, or ${CHOOSE_ANOTHER}.`,
    );
  }
  return result.data;
}

/** The first problem zod found, placed by tag (number and label) and field, e.g. `tag 2 ("Quote"), field "color": …`. */
function describeIssue(value: Record<string, unknown>, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not in the expected form';
  const message = issue.message.replace(/\.$/, '');
  const [first, index, ...rest] = issue.path;
  if (issue.path.length === 1 && first === 'tags' && issue.code === 'too_small') return 'it has no tags';
  if (first === 'tags' && typeof index === 'number') {
    const tags = Array.isArray(value.tags) ? (value.tags as unknown[]) : [];
    const tag = tags[index];
    const label = isRecord(tag) && typeof tag.label === 'string' ? ` ("${tag.label}")` : '';
    const field = rest.length > 0 ? `, field "${rest.map(String).join('.')}"` : '';
    return `tag ${index + 1}${label}${field}: ${message}`;
  }
  const where = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the file';
  return `${where}: ${message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

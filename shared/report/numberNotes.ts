import { type Annotation, type AttributeDefinition, type Block, pageOfOffset, type Tag } from '../model';
import { sortAnnotations } from './sortAnnotations';

/** An annotation as the HTML report shows it: numbered in text order, with its tag's label. */
export interface ReportNote {
  annotation: Annotation;
  /** From 1, in text order: the note's number and the number of its reference in the text. */
  number: number;
  /** The tag's label, or the bare key when the tag is not in the report's codebook. */
  label: string;
  /** The attributes its tag declares, in the codebook's order (none when the tag is unknown). */
  definitions: readonly AttributeDefinition[];
  /** The page of the original its passage starts on, for paged sources (PDF). */
  page?: number;
}

/**
 * The annotations in text order, numbered from 1, each with the label of its tag and, when the
 * blocks come from a paged source, the page its passage starts on.
 */
export function numberNotes(
  annotations: readonly Annotation[],
  tagsByKey: ReadonlyMap<string, Tag>,
  blocks: readonly Block[] = [],
): ReportNote[] {
  return sortAnnotations(annotations).map((annotation, index) => {
    const note: ReportNote = {
      annotation,
      number: index + 1,
      label: tagsByKey.get(annotation.tag)?.label ?? annotation.tag,
      definitions: tagsByKey.get(annotation.tag)?.attributes ?? [],
    };
    const page = pageOfOffset(blocks, annotation.start);
    if (page !== undefined) note.page = page;
    return note;
  });
}

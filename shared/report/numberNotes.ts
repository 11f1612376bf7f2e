import type { Annotation, AttributeDefinition, Tag } from '../model';
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
}

/** The annotations in text order, numbered from 1, each with the label of its tag. */
export function numberNotes(
  annotations: readonly Annotation[],
  tagsByKey: ReadonlyMap<string, Tag>,
): ReportNote[] {
  return sortAnnotations(annotations).map((annotation, index) => ({
    annotation,
    number: index + 1,
    label: tagsByKey.get(annotation.tag)?.label ?? annotation.tag,
    definitions: tagsByKey.get(annotation.tag)?.attributes ?? [],
  }));
}

/** Text offsets and quotes: placing blocks, snapping selections, anchoring annotations. */
export * from './anchorAt';
export * from './moveBoundary';
export * from './normalForm';
export * from './placeBlocks';
export * from './quotationRange';
export * from './reanchor';
export * from './sentenceRange';
export * from './snapToWords';
export * from './textDiff';
export { isInsideWord, isWhitespace, isWordCharacter } from './words';

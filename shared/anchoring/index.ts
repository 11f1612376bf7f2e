/** Text offsets and quotes: placing blocks, snapping selections, anchoring annotations. */
export * from './anchorAt';
export * from './moveBoundary';
export * from './placeBlocks';
export * from './quotationRange';
export * from './sentenceRange';
export * from './snapToWords';
export { isInsideWord, isWhitespace, isWordCharacter } from './words';

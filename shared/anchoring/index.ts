/** Text offsets and quotes: placing blocks, snapping selections, anchoring annotations. */
export * from './anchorAt';
export * from './placeBlocks';
export * from './snapToWords';
export { isInsideWord, isWhitespace, isWordCharacter } from './words';

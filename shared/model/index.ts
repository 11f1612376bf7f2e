/** The data model shared by every runtime: plain types and the zod schemas that check them. */
export * from './annotation';
export * from './article';
export * from './block';
export * from './report';
export * from './tag';

/** The workbench contract: methods, payload schemas, errors, and names derived for transports. */
export * from './api';
export * from './articleFileTypes';
export * from './checkRequestDepth';
export * from './contract';
export * from './errors';
export * from './openedDocument';

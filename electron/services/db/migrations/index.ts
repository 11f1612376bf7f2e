import { initial } from './001-initial';
import { codebookAndThreads } from './002-codebook-and-threads';
import { sourcesSearchVersions } from './003-sources-search-versions';
import type { Migration } from './migration';

/** Every migration, in order; the last one's version is the schema version this build writes. */
export const migrations: readonly Migration[] = [initial, codebookAndThreads, sourcesSearchVersions];

/** The schema version this build of Margin reads and writes. */
export const SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;

export type { Migration } from './migration';

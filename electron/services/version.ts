import packageJson from '../../package.json' with { type: 'json' };

/** This build's version, from package.json. */
export const MARGIN_VERSION: string = packageJson.version;

/** How reports name the program that wrote them. */
export const GENERATOR = `Margin ${MARGIN_VERSION}`;

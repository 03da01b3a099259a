declare const __RESCUE_VERSION__: string | undefined;

/** The package version, injected by the bundler; "dev" when running from source. */
export const VERSION: string = typeof __RESCUE_VERSION__ === 'string' ? __RESCUE_VERSION__ : 'dev';

export const TOOL_NAME = 'RESCUE';
export const TOOL_URI = 'https://github.com/rescue-action/rescue-action';

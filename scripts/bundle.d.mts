/** Types of scripts/bundle.mjs (plain JavaScript, so that `npm start` needs no TypeScript loader). */
export const ROOT: string;
export const SERVER_ENTRY: string;
/** Bundles `entry` (relative to the repository) into `dist/<folder>/<name>.mjs`; answers its path. */
export function bundle(entry: string, folder: string): Promise<string>;
export function bundleIsCurrent(outfile: string): boolean;
/** The bundle of `entry`, rebuilt first when missing or older than its sources; answers its path. */
export function ensureBundle(entry: string, folder: string): Promise<string>;

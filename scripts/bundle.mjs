/**
 * The production server as plain JavaScript (docs/decisions/002-compiled-server.md): esbuild bundles our
 * TypeScript (server/, core/, db/, scripts/) into `dist/server/start.mjs`, leaving packages in
 * node_modules as they are. `npm start` then runs on node directly rather than through tsx's runtime
 * transform, whose wrappers (`__name` around every closure) cost CPU on every SDK request.
 *
 * Bundles sit two folders below the repository (dist/<name>/), so that paths our code derives from its
 * own file (db/migrate/files.ts: `../../drizzle`) still land in the repository.
 *
 * Source maps are written beside the bundle (`NODE_OPTIONS=--enable-source-maps` maps stack traces back to
 * the TypeScript) but not enabled by default: node would then parse the maps of every module it loads,
 * Next's included.
 *
 * `node scripts/bundle.mjs` builds the server (`npm run build` runs it after `next build`);
 * `ensureBundle` rebuilds only when an input is newer than the bundle, so `npm start` on a fresh
 * checkout or after an edit needs no separate step.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles `entry` (relative to the repository) into `dist/<folder>/<name>.mjs`, with its metafile beside it. */
export async function bundle(entry, folder) {
  const name = path.basename(entry).replace(/\.ts$/, "");
  const outfile = path.join(ROOT, "dist", folder, `${name}.mjs`);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile));
  return outfile;
}

/** Whether the bundle exists and is newer than every file it was built from (and this script). */
export function bundleIsCurrent(outfile) {
  const meta = `${outfile}.meta.json`;
  if (!existsSync(outfile) || !existsSync(meta)) return false;
  const builtAt = statSync(outfile).mtimeMs;
  const inputs = [...Object.keys(JSON.parse(readFileSync(meta, "utf8")).inputs), "scripts/bundle.mjs", "tsconfig.json", "package-lock.json"];
  return inputs.every((input) => {
    const file = path.join(ROOT, input);
    return existsSync(file) && statSync(file).mtimeMs < builtAt;
  });
}

/** The bundle of `entry`, rebuilt first when missing or older than its sources. */
export async function ensureBundle(entry, folder) {
  const outfile = path.join(ROOT, "dist", folder, `${path.basename(entry).replace(/\.ts$/, "")}.mjs`);
  return bundleIsCurrent(outfile) ? outfile : bundle(entry, folder);
}

export const SERVER_ENTRY = "scripts/start.ts";

// Run as a script (`node scripts/bundle.mjs`), not imported, nor bundled into something that runs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && path.basename(process.argv[1]) === "bundle.mjs") {
  const outfile = await bundle(SERVER_ENTRY, "server");
  console.log(`bundled the server: ${path.relative(ROOT, outfile)}`);
}

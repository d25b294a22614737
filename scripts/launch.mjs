/**
 * `npm start`: the compiled server (scripts/bundle.mjs), rebuilt first when a source changed, then run
 * in this process. scripts/start.ts builds Next when needed and serves.
 */
import { pathToFileURL } from "node:url";
import { ensureBundle, SERVER_ENTRY } from "./bundle.mjs";

const server = await ensureBundle(SERVER_ENTRY, "server");
await import(pathToFileURL(server).href);

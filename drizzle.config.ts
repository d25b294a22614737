import { defineConfig } from "drizzle-kit";

// Used by `npm run db:generate` / `db:new` only: migrations are applied by our own runner
// (db/migrate), never with `drizzle-kit push` or `migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["experimentation"],
  strict: true,
  verbose: true,
});

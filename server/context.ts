import type { Actor } from "@/core/permissions/permissions";
import type { Database } from "@/db/client";

/** What every service receives first: who is asking, and the database to do it in. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
}

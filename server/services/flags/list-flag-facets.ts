import { count, exists, sql } from "drizzle-orm";
import { FLAG_STATUSES, type FlagStatus } from "@/core/flags/flag-definition";
import { featureFlags, users } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { FlagOwner } from "./load-flag";

export interface FlagFacets {
  /** How many flags are on (ACTIVE) and off (INACTIVE): the status tabs' counts. */
  counts: Record<FlagStatus, number>;
  /** The people who own at least one flag, by name: the owner filter's choices. */
  owners: FlagOwner[];
}

/**
 * What the flag list's filters offer, read with the flags' own permission (so a reader who may not list
 * users still filters by owner, among the owners of flags only).
 */
export async function listFlagFacets(ctx: ServiceContext): Promise<FlagFacets> {
  authorize(ctx, "feature_flag", "read");
  // No list of the tags in use: collecting them reads every flag's tags, about as long as the page itself
  // takes with 10,000 flags (bench/list-flags.bench-run.ts), for a suggestion list.
  const [statusRows, owners] = await Promise.all([
    ctx.db.select({ status: featureFlags.status, n: count() }).from(featureFlags).groupBy(featureFlags.status),
    ctx.db
      .select({ id: users.id, username: users.username, fullName: users.fullName })
      .from(users)
      .where(exists(ctx.db.select({ one: sql`1` }).from(featureFlags).where(sql`${featureFlags.ownerId} = ${users.id}`)))
      .orderBy(sql`coalesce(${users.fullName}, ${users.username})`, users.username),
  ]);
  const counts = Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<FlagStatus, number>;
  for (const r of statusRows) counts[r.status] = r.n;
  return { counts, owners };
}

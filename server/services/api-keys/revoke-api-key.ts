import { eq } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { NotFound } from "../../errors";
import { validate } from "../validate";

export const apiKeyIdSchema = z.uuid("Name the key by its id.");

/**
 * Revokes a key at once. The audit row (entity type "api_key") is the notice every instance's key
 * cache listens for, so the key is refused everywhere within a second, including on the fast path.
 * Revoking a revoked key is a no-op that answers the same.
 */
export async function revokeApiKey(ctx: ServiceContext, input: { id: string }): Promise<{ id: string; revokedAt: Date }> {
  authorize(ctx, "api_key", "delete");
  const id = validate(apiKeyIdSchema, input.id);
  return ctx.db.transaction(async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!key) throw new NotFound(`No API key with id ${id}.`);
    if (key.revokedAt) return { id, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await tx.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, id));
    await writeAudit(tx, ctx.actor, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: id,
      before: { name: key.name, prefix: key.prefix, revokedAt: null },
      after: { name: key.name, prefix: key.prefix, revokedAt },
    });
    return { id, revokedAt };
  });
}

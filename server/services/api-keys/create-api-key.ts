import { apiKeys } from "@/db/schema";
import type { ApiKeyType } from "@/db/schema/enums";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { assertGrantable, findRoles } from "../roles/role-grants";
import { validate } from "../validate";
import { type CreateApiKeyInput, createApiKeySchema } from "./api-key.schema";
import { generateApiKey } from "./key-material";

export interface CreatedApiKey {
  id: string;
  name: string;
  type: ApiKeyType;
  prefix: string;
  role: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  /** The whole key: returned once, here, and never stored. */
  key: string;
}

/**
 * Creates an API key. Admin keys are bound to a role (default "admin"); nobody may mint a key with
 * permissions they do not hold themselves.
 */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  authorize(ctx, "api_key", "create");
  const data = validate(createApiKeySchema, input);
  const roleName = data.type === "admin" ? (data.role ?? "admin") : null;
  const material = generateApiKey(data.type);

  return ctx.db.transaction(async (tx) => {
    let roleId: string | null = null;
    if (roleName) {
      const [role] = await findRoles(tx, [roleName], "role");
      if (!role) throw new Error(`findRoles returned nothing for "${roleName}"`);
      assertGrantable(ctx.actor, role.permissions, `create a key with the "${roleName}" role`);
      roleId = role.id;
    }
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: data.name,
        type: data.type,
        prefix: material.prefix,
        keyHash: material.keyHash,
        ownerId: ctx.actor.kind === "user" ? ctx.actor.id : null,
        roleId,
        expiresAt: data.expiresAt ?? null,
      })
      .returning();
    if (!row) throw new Error("insert into api_keys returned no row");
    const summary = { id: row.id, name: row.name, type: row.type, prefix: row.prefix, role: roleName, expiresAt: row.expiresAt, createdAt: row.createdAt };
    // The audit write also tells every instance's key cache, which may remember this hash as unknown.
    await writeAudit(tx, ctx.actor, { action: "api_key.create", entityType: "api_key", entityId: row.id, after: summary });
    return { ...summary, key: material.key };
  });
}

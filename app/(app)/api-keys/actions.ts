"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { createApiKeySchema } from "@/server/services/api-keys/api-key.schema";
import { validate } from "@/server/services/validate";

export const createApiKeyAction = authedAction(async (ctx, form) => {
  const type = String(form.get("type") ?? "");
  const role = String(form.get("role") ?? "");
  const expires = String(form.get("expiresAt") ?? "");
  // The schema types the form's text first; the service checks again.
  const input = validate(createApiKeySchema, {
    name: String(form.get("name") ?? ""),
    type,
    role: type === "admin" && role ? role : undefined,
    // A date field: the key works through the end of that day (UTC).
    expiresAt: expires ? `${expires}T23:59:59.999Z` : undefined,
  });
  const key = await createApiKey(ctx, input);
  revalidatePath("/api-keys");
  return { ok: true, message: `Created "${key.name}". Copy the key now: it is shown only once.`, reveal: key.key };
});

export const revokeApiKeyAction = authedAction(async (ctx, form) => {
  await revokeApiKey(ctx, { id: String(form.get("id") ?? "") });
  revalidatePath("/api-keys");
  return { ok: true, message: "Revoked. Every instance refuses the key from now on." };
});

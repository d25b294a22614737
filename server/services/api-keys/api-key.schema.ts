import { z } from "zod";
import { apiKeyType } from "@/db/schema/enums";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, "Give the key a name.").max(100, "Name must be at most 100 characters."),
    type: z.enum(apiKeyType.enumValues, { error: "Type must be client, server or admin." }),
    role: z.string().trim().min(1).optional(),
    expiresAt: z.coerce
      .date({ error: "Expiry must be an ISO-8601 date." })
      .optional()
      .refine((d) => d === undefined || d.getTime() > Date.now(), "Expiry must be in the future."),
  })
  .refine((v) => v.type === "admin" || v.role === undefined, {
    path: ["role"],
    message: "Only admin keys are bound to a role; client and server keys have fixed rights.",
  });

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

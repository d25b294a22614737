import { z } from "zod";
import { isPermission } from "@/core/permissions/permissions";

export const BUILTIN_ROLES = ["admin", "experimenter", "viewer"] as const;

export const roleNameSchema = z
  .string()
  .trim()
  .min(2, "Role name must be at least 2 characters.")
  .max(64, "Role name must be at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lower-case letters, digits, dashes and underscores, starting with a letter or digit.");

const permissionListSchema = z.array(
  z.string().superRefine((value, ctx) => {
    if (!isPermission(value)) ctx.addIssue({ code: "custom", message: `Unknown permission "${value}": use resource:action, e.g. experiment:read.` });
  }),
);

const descriptionSchema = z.string().trim().max(500, "Description must be at most 500 characters.");

export const createRoleSchema = z
  .object({
    name: roleNameSchema,
    description: descriptionSchema.optional(),
    permissions: permissionListSchema.default([]),
  })
  .strict();
export type CreateRoleInput = z.input<typeof createRoleSchema>;

export const updateRoleSchema = z
  .object({
    description: descriptionSchema.nullable().optional(),
    permissions: permissionListSchema.optional(),
  })
  .strict();
export type UpdateRoleInput = z.input<typeof updateRoleSchema>;

/** A role in use is deleted only when the request says it knows (`confirm`): its users lose it, its admin keys are revoked. */
export const deleteRoleSchema = z.object({ confirm: z.boolean().default(false) });

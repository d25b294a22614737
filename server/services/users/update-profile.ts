import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { writeAudit } from "../../audit";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { Conflict, Forbidden } from "../../errors";
import { validate } from "../validate";
import { findUser } from "./find-user";
import { type Preferences, type UpdateProfileInput, preferencesSchema, updateProfileSchema } from "./user.schema";

export interface Profile {
  username: string;
  email: string;
  fullName: string | null;
  preferences: Preferences;
}

/** Stored preferences as the app uses them: anything unknown or out of range falls back to its default. */
export function readPreferences(stored: unknown): Preferences {
  const parsed = preferencesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : preferencesSchema.parse({});
}

function ownId(ctx: ServiceContext): string {
  if (ctx.actor.kind !== "user" || !ctx.actor.id) throw new Forbidden("Only a signed-in user has a profile.");
  return ctx.actor.id;
}

export async function getProfile(ctx: ServiceContext): Promise<Profile> {
  const user = await findUser(ctx.db, ownId(ctx));
  return { username: user.username, email: user.email, fullName: user.fullName, preferences: readPreferences(user.preferences) };
}

/** The signed-in user edits their own name, email and preferences: no permission needed beyond being themselves. */
export async function updateProfile(ctx: ServiceContext, input: UpdateProfileInput): Promise<Profile> {
  const id = ownId(ctx);
  const changes = validate(updateProfileSchema, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const user = await findUser(tx, id, { forUpdate: true });
      const before: Profile = { username: user.username, email: user.email, fullName: user.fullName, preferences: readPreferences(user.preferences) };
      const after: Profile = {
        ...before,
        ...(changes.email !== undefined ? { email: changes.email } : {}),
        ...(changes.fullName !== undefined ? { fullName: changes.fullName || null } : {}),
        ...(changes.preferences ? { preferences: changes.preferences } : {}),
      };
      await tx.update(users).set({ email: after.email, fullName: after.fullName, preferences: after.preferences }).where(eq(users.id, id));
      await writeAudit(tx, ctx.actor, { action: "user.update_profile", entityType: "user", entityId: id, before, after });
      return after;
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("email")) throw new Conflict(`The email "${changes.email}" is already registered.`, { email: ["This email is already registered."] });
    throw error;
  }
}

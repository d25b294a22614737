import { or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { writeAudit } from "../../audit";
import { hashPassword } from "../../auth/password";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { Conflict, Forbidden } from "../../errors";
import { assertGrantable, findRoles } from "../roles/role-grants";
import { oneTimePassword } from "./reset-user-password";
import { validate } from "../validate";
import { type CreateUserInput, createUserSchema } from "./user.schema";

export interface CreatedUser {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  isSuperuser: boolean;
  isActive: boolean;
  lastLogin: Date | null;
  createdAt: Date;
  roles: string[];
  /** Set when no password was given: the generated one-time password, returned once and never stored. */
  oneTimePassword?: string;
}

/**
 * Creates a user with the given roles; only superusers may create superusers, and nobody assigns a
 * role beyond their own permissions. Without a password, a one-time password is generated and returned.
 */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<CreatedUser> {
  authorize(ctx, "user", "create");
  const data = validate(createUserSchema, input);
  if (data.isSuperuser && !ctx.actor.isSuperuser) throw new Forbidden("Only a superuser can create another superuser.");
  // Hash outside the transaction: it is the slow part and needs no lock.
  const password = data.password ?? oneTimePassword();
  const hashedPassword = await hashPassword(password);
  try {
    const created = await ctx.db.transaction((tx) => insertUser(tx, ctx, { ...data, hashedPassword }));
    return data.password === undefined ? { ...created, oneTimePassword: password } : created;
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint?.includes("username")) throw new Conflict(`The username "${data.username}" is taken.`, { username: ["This username is taken."] });
    if (constraint?.includes("email")) throw new Conflict(`The email "${data.email}" is already registered.`, { email: ["This email is already registered."] });
    throw error;
  }
}

/** The insert itself, for callers that already hold a transaction (first-run setup). */
export async function insertUser(
  tx: Executor,
  ctx: ServiceContext,
  data: { username: string; email: string; hashedPassword: string; fullName?: string; roles: string[]; isSuperuser: boolean },
): Promise<CreatedUser> {
  const taken = await tx
    .select({ username: users.username, email: users.email })
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${data.username})`, sql`lower(${users.email}) = lower(${data.email})`));
  if (taken.some((t) => t.username.toLowerCase() === data.username.toLowerCase())) {
    throw new Conflict(`The username "${data.username}" is taken.`, { username: ["This username is taken."] });
  }
  if (taken.length > 0) throw new Conflict(`The email "${data.email}" is already registered.`, { email: ["This email is already registered."] });

  const found = await findRoles(tx, data.roles);
  assertGrantable(ctx.actor, found.flatMap((r) => r.permissions), `assign ${found.map((r) => `"${r.name}"`).join(", ")}`);

  const [user] = await tx
    .insert(users)
    .values({
      username: data.username,
      email: data.email,
      hashedPassword: data.hashedPassword,
      fullName: data.fullName ?? null,
      isSuperuser: data.isSuperuser,
    })
    .returning({
      id: users.id,
      username: users.username,
      email: users.email,
      fullName: users.fullName,
      isSuperuser: users.isSuperuser,
      isActive: users.isActive,
      lastLogin: users.lastLogin,
      createdAt: users.createdAt,
    });
  if (!user) throw new Error("insert into users returned no row");
  if (found.length) await tx.insert(userRoles).values(found.map((r) => ({ userId: user.id, roleId: r.id })));

  const created = { ...user, roles: found.map((r) => r.name).sort() };
  await writeAudit(tx, ctx.actor, { action: "user.create", entityType: "user", entityId: user.id, after: created });
  return created;
}

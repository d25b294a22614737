import { redirect } from "next/navigation";
import { cache } from "react";
import { type Action, type Resource, can } from "@/core/permissions/permissions";
import { getDb } from "@/db/app-database";
import type { ServiceContext } from "../context";
import { type SignedInUser, loadSignedInUser } from "../services/auth/load-actor";
import { auth } from "./auth";

/** The signed-in, active user for this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadSignedInUser(await getDb(), id, session.sessionVersion ?? 0);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages: whether the signed-in user may do this; pages render a "no access" state when not. */
export async function userCan(resource: Resource, action: Action): Promise<boolean> {
  const user = await requireUser();
  return can(user.actor, resource, action);
}

/**
 * For list pages: whether the user may read this resource, and if so what `load` returns for them.
 * Permission is checked before anything is read.
 */
export async function readIfAllowed<T>(resource: Resource, load: (ctx: ServiceContext) => Promise<T>): Promise<{ allowed: boolean; data: T | null }> {
  const ctx = await sessionContext();
  if (!ctx || !can(ctx.actor, resource, "read")) return { allowed: false, data: null };
  return { allowed: true, data: await load(ctx) };
}

export async function sessionContext(): Promise<ServiceContext | null> {
  const user = await getCurrentUser();
  return user ? { db: await getDb(), actor: user.actor } : null;
}

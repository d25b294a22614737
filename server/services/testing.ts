import type { Actor, Permission } from "@/core/permissions/permissions";
import { systemActor } from "@/core/permissions/permissions";
import type { Database } from "@/db/client";
import type { ServiceContext } from "../context";

/** Contexts for service tests: an actor with exactly the given permissions. */
export function contextWith(db: Database, permissions: Permission[], label = "tester"): ServiceContext {
  const actor: Actor = { kind: "system", id: null, label, isSuperuser: false, permissions: new Set(permissions) };
  return { db, actor };
}

export function systemContext(db: Database): ServiceContext {
  return { db, actor: systemActor("test") };
}

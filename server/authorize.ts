import { type Action, type Resource, can } from "@/core/permissions/permissions";
import type { ServiceContext } from "./context";
import { Forbidden } from "./errors";

/** The permission check every service calls first. */
export function authorize(ctx: Pick<ServiceContext, "actor">, resource: Resource, action: Action): void {
  if (!can(ctx.actor, resource, action)) {
    throw new Forbidden(`You do not have permission to ${action} ${resource.replace("_", " ")}s.`);
  }
}

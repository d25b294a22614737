/**
 * A management endpoint (DESIGN §7): reached with an admin key or a dashboard session, through
 * `withAdminKeyOrSession`, and documented by the doc it is declared with.
 */
import type { Actor } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import type { ServiceContext } from "../../../context";
import type { EndpointDoc, ErrorStatus } from "../../openapi/endpoint-doc";
import type { ApiHandler, ApiRequest, ApiResponse } from "../../types";
import { withAdminKeyOrSession } from "../../with-api-key";

/** What a test replaces: the database, and the session of the (absent) browser. */
export interface EndpointDependencies {
  database?: () => Promise<DatabaseHandle>;
  sessionActor?: () => Promise<Actor | null>;
}

export interface ManagementEndpoint {
  doc: EndpointDoc;
  /** The transport-free handler, as mounted by the route file; tests pass their own dependencies. */
  handler(dependencies?: EndpointDependencies): ApiHandler;
}

/** Every management endpoint can answer these: no credentials, and a key or role without the right. */
const ALWAYS: readonly ErrorStatus[] = [401, 403];
/** Writes with the dashboard session must be sent as JSON (see withAdminKeyOrSession). */
const SESSION_WRITES: readonly ErrorStatus[] = [415];

export function managementEndpoint(
  doc: Omit<EndpointDoc, "security">,
  run: (ctx: ServiceContext, request: ApiRequest) => Promise<ApiResponse>,
): ManagementEndpoint {
  return {
    doc: { ...doc, security: ["adminKey", "session"], errors: [...new Set([...ALWAYS, ...(doc.method === "GET" ? [] : SESSION_WRITES), ...doc.errors])] },
    handler: (dependencies = {}) => withAdminKeyOrSession(run, dependencies.sessionActor, dependencies.database),
  };
}

/**
 * Request input on its way to a service that validates it with its own zod schema: the type is claimed
 * here and checked there, so a body of the wrong shape is a 422 naming its fields, never a crash.
 */
export function unvalidated<T>(input: unknown): T {
  return input as T;
}

/**
 * One app instance for the multi-instance test (two-instances.db.test.ts), run as a process of its own
 * with fork(): the fast path's assignments endpoint and a management endpoint on a node:http server,
 * over the PostgreSQL database at argv[2], with this process's own caches and change feed. It reports
 * the change kinds its feed delivered (GET /changes; the flag definitions cache is not built yet), and
 * makes changes on request over IPC, each an audited write like the services', so that a change is
 * made through this instance and served by another.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { systemActor } from "@/core/permissions/permissions";
import { openDatabase } from "@/db/client";
import { apiKeys, permissions, rolePermissions, roles } from "@/db/schema";
import { writeAudit } from "../audit";
import { assignmentsHandler } from "../api/endpoints/assignments";
import { listExperimentsEndpoint } from "../api/endpoints/experiments/list-experiments";
import { serveFromNode, writeApiResponse } from "../api/node-adapter";
import { type ChangeKind, onChange } from "../cache/change-feed";
import { changeExperimentStatus } from "../services/experiments/change-experiment-status";
import { systemContext } from "../services/testing";

export type InstanceCommand =
  | { change: "revoke-key"; keyId: string }
  | { change: "flag" }
  | { change: "remove-permission"; role: string; permission: string }
  | { change: "pause-experiment"; key: string }
  | { change: "stop" };

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error("usage: test-instance <postgres url>");
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 4 });
  const database = async () => handle;
  const heard: ChangeKind[] = [];
  await onChange(handle, (kind) => heard.push(kind));
  const assign = assignmentsHandler(database);
  const list = listExperimentsEndpoint.handler({ database, sessionActor: async () => null });

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/changes") writeApiResponse(res, { status: 200, body: { heard } });
    else if (req.method === "POST" && path === "/api/v1/assignments") void serveFromNode(assign, req, res, {});
    else if (req.method === "GET" && path === "/api/v1/experiments") void serveFromNode(list, req, res, {});
    else writeApiResponse(res, { status: 404, body: { error: { code: "not_found", message: "No such route here." } } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const actor = systemActor("instance test");
  const apply = async (command: InstanceCommand): Promise<void> => {
    switch (command.change) {
      case "revoke-key":
        await handle.db.transaction(async (tx) => {
          await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, command.keyId));
          await writeAudit(tx, actor, { action: "api_key.revoke", entityType: "api_key", entityId: command.keyId });
        });
        return;
      case "flag":
        // No flag service exists yet: the audit row of a flag change, which is what makes it a notice.
        await handle.db.transaction((tx) => writeAudit(tx, actor, { action: "feature_flag.update", entityType: "feature_flag", entityId: null }));
        return;
      case "remove-permission":
        await handle.db.transaction(async (tx) => {
          const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.name, command.role));
          const [permission] = await tx.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, command.permission));
          if (!role || !permission) throw new Error(`no role ${command.role} or permission ${command.permission}`);
          await tx.delete(rolePermissions).where(and(eq(rolePermissions.roleId, role.id), eq(rolePermissions.permissionId, permission.id)));
          await writeAudit(tx, actor, { action: "role.update", entityType: "role", entityId: role.id, before: { permissions: [command.permission] }, after: { permissions: [] } });
        });
        return;
      case "pause-experiment":
        await changeExperimentStatus(systemContext(handle.db), { experiment: { key: command.key }, status: "PAUSED" });
        return;
      case "stop":
        server.closeAllConnections();
        server.close();
        await handle.close();
        process.exit(0);
    }
  };
  process.on("message", (command: InstanceCommand) => {
    apply(command).then(
      () => process.send?.({ done: command.change }),
      (error: unknown) => process.send?.({ failed: String(error) }),
    );
  });
  process.send?.({ port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

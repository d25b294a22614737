import { getDatabaseHandle } from "@/db/app-database";

/** Liveness and readiness for load balancers and the start-up checks: no data, no authentication needed. */
export async function GET() {
  try {
    const { runner } = await getDatabaseHandle();
    await runner.query("select 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}

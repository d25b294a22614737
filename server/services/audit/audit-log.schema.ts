import { z } from "zod";

const day = z.iso.date("Use a date like 2026-01-31.");
const instant = z.union([z.iso.datetime({ offset: true }), day], { error: "Use a date (2026-01-31) or an ISO-8601 time." });

/** Filters of the audit log, shared by the page and `GET /api/v1/audit-log`. */
export const listAuditLogSchema = z
  .object({
    page: z.coerce.number().int("Enter a whole page number.").min(1, "Pages start at 1.").default(1),
    pageSize: z.coerce.number().int("Enter a whole page size.").min(1, "A page holds at least 1 row.").max(200, "A page holds at most 200 rows.").default(50),
    /** Who: a username or an API key's name, as the log names them ("system" for jobs and the CLI). */
    actor: z.string().trim().min(1).max(200).optional(),
    entityType: z.string().trim().min(1).max(50).optional(),
    /** The entity, by id or by its name (experiment or flag key, username, role name). */
    entity: z.string().trim().min(1).max(200).optional(),
    /** Exact (`user.create`) or a whole verb family by its prefix (`user.`). */
    action: z.string().trim().min(1).max(100).optional(),
    /** From this time, or the start of this day (UTC). */
    from: instant.optional(),
    /** Up to this time, or the end of this day (UTC). */
    to: instant.optional(),
  })
  .refine((v) => !v.from || !v.to || boundary(v.from, "start") <= boundary(v.to, "end"), { path: ["to"], message: "The end is before the start." });
export type ListAuditLogInput = z.input<typeof listAuditLogSchema>;

/** A filter's date as an instant: a bare day covers the whole day in UTC. */
export function boundary(value: string, side: "start" | "end"): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${side === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
  return new Date(value);
}

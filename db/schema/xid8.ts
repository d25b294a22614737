import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** A 64-bit transaction id; text in Node, since it can exceed 2^53. */
const xid8Type = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * The id of the transaction that wrote the row (`pg_current_xact_id()`), so the results refresh can take
 * exactly the rows committed since its last run, whatever their timestamps and however commits interleave
 * (docs/decisions/009-event-store-seam.md). Never set by the application.
 */
export const writtenByTransaction = () => xid8Type("xid").notNull().default(sql`pg_current_xact_id()`);

export { xid8Type as xid8 };

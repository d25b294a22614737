/** The unique constraint a PostgreSQL error violated, if it was one (postgres.js, PGlite, or wrapped by Drizzle). */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505") return constraint_name ?? constraint ?? "";
  }
  return null;
}

/** Whether a PostgreSQL error (postgres.js, PGlite, or wrapped by Drizzle) was a foreign key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

import { z } from "zod";

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(50),
});

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageBounds(input: unknown): { page: number; pageSize: number; offset: number } {
  const { page, pageSize } = pageQuerySchema.parse(input ?? {});
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Query parameters of the experiment list (page, API). Browser-safe; numbers are coerced from query strings. */
import { z } from "zod";
import { EXPERIMENT_STATUSES, EXPERIMENT_TYPES } from "@/core/experiments/enums";

export const EXPERIMENT_SORT_FIELDS = ["name", "status", "type", "owner", "start", "end", "updated"] as const;
export type ExperimentSortField = (typeof EXPERIMENT_SORT_FIELDS)[number];

export const MAX_PAGE_SIZE = 100;

/** One value or several: `?status=DRAFT` and `?status=DRAFT&status=ACTIVE` both arrive as lists. */
export function oneOrMany<T extends z.ZodType>(item: T, message: string) {
  return z
    .union([item, z.array(item)], { error: message })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional();
}

/** Page, page size and sort direction: every list's query takes these. */
export const listPageFields = {
  page: z.coerce.number().int("Enter a whole page number.").min(1, "Pages start at 1.").default(1),
  pageSize: z.coerce
    .number()
    .int("Enter a whole page size.")
    .min(1, "A page holds at least 1 row.")
    .max(MAX_PAGE_SIZE, `A page holds at most ${MAX_PAGE_SIZE} rows.`)
    .default(25),
  direction: z.enum(["asc", "desc"], { error: "Sort asc or desc." }).default("desc"),
};

export const listExperimentsSchema = z.object({
  ...listPageFields,
  sort: z.enum(EXPERIMENT_SORT_FIELDS, { error: `Sort by ${EXPERIMENT_SORT_FIELDS.join(", ")}.` }).default("updated"),
  status: oneOrMany(z.enum(EXPERIMENT_STATUSES), `Choose from ${EXPERIMENT_STATUSES.join(", ")}.`),
  type: oneOrMany(z.enum(EXPERIMENT_TYPES), `Choose from ${EXPERIMENT_TYPES.join(", ")}.`),
  tag: z.string().trim().max(50, "A tag has at most 50 characters.").optional(),
  ownerId: z.uuid("Choose an owner.").optional(),
  /** Matches name, key and description, case-insensitively, anywhere in the text. */
  search: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
});

export type ListExperimentsInput = z.input<typeof listExperimentsSchema>;

/** Query parameters of the flag list (page, API). Browser-safe; numbers are coerced from query strings. */
import { z } from "zod";
import { FLAG_STATUSES } from "@/core/flags/flag-definition";
import { listPageFields, oneOrMany } from "../experiments/experiment-list.schema";

export const FLAG_SORT_FIELDS = ["key", "name", "status", "owner", "rollout", "updated"] as const;
export type FlagSortField = (typeof FLAG_SORT_FIELDS)[number];

export const listFlagsSchema = z.object({
  ...listPageFields,
  sort: z.enum(FLAG_SORT_FIELDS, { error: `Sort by ${FLAG_SORT_FIELDS.join(", ")}.` }).default("updated"),
  status: oneOrMany(z.enum(FLAG_STATUSES), `Choose from ${FLAG_STATUSES.join(", ")}.`),
  tag: z.string().trim().max(50, "A tag has at most 50 characters.").optional(),
  ownerId: z.uuid("Choose an owner.").optional(),
  /** Matches key, name and description, case-insensitively, anywhere in the text. */
  search: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
});

export type ListFlagsInput = z.input<typeof listFlagsSchema>;

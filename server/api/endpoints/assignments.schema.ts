import { z } from "zod";

/** `POST /api/v1/assignments` (DESIGN §7). Browser-safe: also feeds the OpenAPI document. */
export const assignmentsRequestSchema = z.object({
  userId: z.string({ error: "userId is required: the id of the user to assign." }).min(1, "userId must not be empty.").max(256, "userId has at most 256 characters."),
  context: z.record(z.string(), z.unknown(), { error: "context must be an object of user attributes." }).optional(),
  experiments: z.array(z.string().min(1), { error: "experiments must be a list of experiment keys." }).max(100, "Ask for at most 100 experiments at once.").optional(),
});

export type AssignmentsRequest = z.infer<typeof assignmentsRequestSchema>;

/** `GET /r/{experimentKey}?userId=...&<attribute>=<value>...`: the split-URL redirect. */
export const redirectQuerySchema = z.object({
  userId: z.string({ error: "userId is required." }).min(1, "userId must not be empty.").max(256, "userId has at most 256 characters."),
  /** Every other query parameter but `key`: the user's attributes, strings (a list when repeated). */
  context: z
    .record(z.string(), z.union([z.string().max(1024), z.array(z.string().max(1024)).max(100)]), { error: "Attributes are query parameters with text values." })
    .refine((context) => Object.keys(context).length <= 50, "Send at most 50 attributes."),
});

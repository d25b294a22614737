import { z } from "zod";

/** `POST /api/v1/assignments` (DESIGN §7). Browser-safe: also feeds the OpenAPI document. */
export const assignmentsRequestSchema = z.object({
  userId: z.string({ error: "userId is required: the id of the user to assign." }).min(1, "userId must not be empty.").max(256, "userId has at most 256 characters."),
  context: z.record(z.string(), z.unknown(), { error: "context must be an object of user attributes." }).optional(),
  experiments: z.array(z.string().min(1), { error: "experiments must be a list of experiment keys." }).max(100, "Ask for at most 100 experiments at once.").optional(),
});

export type AssignmentsRequest = z.infer<typeof assignmentsRequestSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * `assignmentsRequestSchema`'s answer for a request it accepts, checked by hand: this runs on every SDK
 * request, where zod's parse was a measurable share of the CPU (issue 7). Null for anything else,
 * including inputs that are valid but unusual (a `__proto__` attribute): the caller then asks the schema,
 * which accepts or words the error exactly as it always has. A unit test holds the two in step.
 */
export function acceptedAssignmentsRequest(input: unknown): AssignmentsRequest | null {
  if (!isPlainObject(input)) return null;
  const { userId, context, experiments } = input;
  if (typeof userId !== "string" || userId.length < 1 || userId.length > 256) return null;
  if (context !== undefined && (!isPlainObject(context) || Object.hasOwn(context, "__proto__"))) return null;
  if (experiments !== undefined) {
    if (!Array.isArray(experiments) || experiments.length > 100) return null;
    for (const key of experiments) if (typeof key !== "string" || key.length < 1) return null;
  }
  const request: AssignmentsRequest = { userId };
  if (context !== undefined) request.context = context;
  if (experiments !== undefined) request.experiments = experiments as string[];
  return request;
}

/** `GET /r/{experimentKey}?userId=...&<attribute>=<value>...`: the split-URL redirect. */
export const redirectQuerySchema = z.object({
  userId: z.string({ error: "userId is required." }).min(1, "userId must not be empty.").max(256, "userId has at most 256 characters."),
  /** Every other query parameter but `key`: the user's attributes, strings (a list when repeated). */
  context: z
    .record(z.string(), z.union([z.string().max(1024), z.array(z.string().max(1024)).max(100)]), { error: "Attributes are query parameters with text values." })
    .refine((context) => Object.keys(context).length <= 50, "Send at most 50 attributes."),
});

import { z } from "zod";
import { passwordProblem } from "@/core/passwords/password-policy";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters.")
  .max(64, "Username must be at most 64 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, dashes and underscores, starting with a letter or digit.");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const createUserSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  /** Left out: a one-time password is generated and shown once. */
  password: passwordSchema.optional(),
  fullName: z
    .string()
    .trim()
    .max(200, "Full name must be at most 200 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  roles: z.array(z.string().trim().min(1)).default([]),
  isSuperuser: z.boolean().default(false),
});

export type CreateUserInput = z.input<typeof createUserSchema>;

const fullNameSchema = z.string().trim().max(200, "Full name must be at most 200 characters.");

/** The users list: search, filters, sort and page (query parameters on the page and the API). */
export const USER_SORT_FIELDS = ["username", "email", "name", "lastLogin", "created"] as const;
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Use true or false." });
export const listUsersSchema = z.object({
  page: z.coerce.number().int("Enter a whole page number.").min(1, "Pages start at 1.").default(1),
  pageSize: z.coerce.number().int("Enter a whole page size.").min(1, "A page holds at least 1 row.").max(200, "A page holds at most 200 rows.").default(25),
  /** Matches username, email and full name, case-insensitively, anywhere in the text. */
  search: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  active: flag.optional(),
  superuser: flag.optional(),
  role: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(USER_SORT_FIELDS, { error: `Sort by ${USER_SORT_FIELDS.join(", ")}.` }).default("username"),
  direction: z.enum(["asc", "desc"], { error: "Sort asc or desc." }).default("asc"),
});
export type ListUsersInput = z.input<typeof listUsersSchema>;

/** Who a request is about: users are named by id or by username. */
export const userRefSchema = z.string().trim().min(1, "Name the user.").max(254);

/** An administrator's changes to someone's account; absent fields stay as they are. */
export const updateUserSchema = z
  .object({
    email: emailSchema.optional(),
    fullName: fullNameSchema.nullable().optional(),
    roles: z.array(z.string().trim().min(1)).optional(),
    isSuperuser: z.boolean().optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** An administrator resets a password: to the one given, or to a generated one-time password. */
export const resetPasswordSchema = z.object({ password: passwordSchema.optional() }).strict();
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const THEMES = ["light", "dark", "system"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The seed's `preferences`, as the app uses them. */
export const preferencesSchema = z.object({
  theme: z.enum(THEMES, { error: "Choose light, dark or system." }).default("system"),
  pageSize: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `Choose ${PAGE_SIZES.join(", ")} rows.`)
    .default(25),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list.").default("UTC"),
});
export type Preferences = z.output<typeof preferencesSchema>;

/** The signed-in user's own profile. */
export const updateProfileSchema = z
  .object({
    fullName: fullNameSchema.nullable().optional(),
    email: emailSchema.optional(),
    preferences: preferencesSchema.optional(),
  })
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password other than your current one." });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

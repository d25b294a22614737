import { z } from "zod";

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

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters.")
  .max(256, "Password must be at most 256 characters.");

export const createUserSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
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

import { COMMON_PASSWORDS } from "./common-passwords";

/**
 * The password policy (NIST SP 800-63B §5.1.1.2): length over complexity rules, at least 12
 * characters, at most 256 (argon2 input stays bounded), and not a known-breached common password.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_POLICY_TEXT = `At least ${PASSWORD_MIN_LENGTH} characters, and not a commonly used password.`;

/** Why a password breaks the policy, or null when it keeps it. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "This password appears in lists of breached passwords; choose another.";
  if (/^(.)\1+$/.test(password)) return "A password of one repeated character is too easy to guess.";
  return null;
}

import { CredentialsSignin } from "next-auth";

/**
 * Auth.js passes only an error `code` from authorize() back to the sign-in action. These carry our
 * service errors across that boundary; `signInMessage` turns a code back into words.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export function signInMessage(code: string | undefined): string {
  if (code?.startsWith("throttled:")) {
    const minutes = Number(code.slice("throttled:".length)) || 15;
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  switch (code) {
    case "inactive":
      return "This account is deactivated. Ask an administrator to reactivate it.";
    case "invalid_input":
      return "Enter your username or email and your password.";
    default:
      return "Wrong username, email or password.";
  }
}

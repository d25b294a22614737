import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/app-database";
import { Invalid, TooManyRequests, Unauthenticated } from "../errors";
import { verifyCredentials } from "../services/auth/verify-credentials";
import { authConfig } from "./auth.config";
import { clientAddress } from "./client-address";
import { SignInRefused } from "./sign-in-errors";

function refusalCode(error: unknown): string | null {
  if (error instanceof TooManyRequests) return `throttled:${Math.ceil(error.retryAfterSeconds / 60)}`;
  if (error instanceof Unauthenticated) return "wrong_credentials";
  if (error instanceof Invalid) return /deactivated/.test(error.message) ? "inactive" : "invalid_input";
  return null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: {
        identifier: { label: "Username or email", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const ip = clientAddress(request.headers);
        try {
          const user = await verifyCredentials(await getDb(), credentials, ip);
          return { id: user.id, name: user.fullName ?? user.username, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          const code = refusalCode(error);
          if (!code) throw error;
          // No identifier or password in the log: only why, and from where.
          console.warn(JSON.stringify({ level: "warn", msg: "sign-in refused", code, ip }));
          throw new SignInRefused(code);
        }
      },
    }),
  ],
});

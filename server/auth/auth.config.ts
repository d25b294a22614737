import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database, shared by proxy.ts (which only
 * checks that a session cookie is valid) and the full configuration in auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  // Credentials sign-in requires JWT sessions in Auth.js; the cookie is httpOnly, and every request
  // re-reads the user, so a deactivated user loses access at once (see session.ts).
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // Only sign-in sets the version (from the database, via authorize): an "update" trigger carries
    // browser-supplied data and is ignored, so a stale session cannot revive itself.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;

import "next-auth";
import "next-auth/jwt";

/** The session version (users.session_version) travels in the JWT; see loadSignedInUser. */
declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}

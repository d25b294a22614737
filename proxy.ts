import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/server/auth/auth.config";

const { auth } = NextAuth(authConfig);

/**
 * Every page needs a session except the sign-in and first-run pages. API routes are not redirected:
 * they authenticate API keys or sessions themselves and answer 401 in the API's error shape.
 */
export const proxy = auth((request) => {
  if (request.auth) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  const wanted = request.nextUrl.pathname + request.nextUrl.search;
  if (wanted !== "/") signIn.searchParams.set("callbackUrl", wanted);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ["/((?!api/|ofrep/|r/|_next/static|_next/image|favicon.ico|icon.svg|sign-in|setup).*)"],
};

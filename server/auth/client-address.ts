/**
 * The client's address as our HTTP server saw it. server/http sets `x-real-ip` from the socket (or,
 * with TRUST_PROXY=1, from the proxy's X-Forwarded-For), overwriting whatever the client sent.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-real-ip") ?? "unknown";
}

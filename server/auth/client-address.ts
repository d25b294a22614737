/**
 * The client's address as our HTTP server saw it. server/http sets `x-real-ip` from the socket (or,
 * behind trusted proxies, from X-Forwarded-For), overwriting whatever the client sent.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-real-ip") ?? "unknown";
}

/**
 * `TRUST_PROXY`: how many reverse proxies stand in front of the server. `1` or `true` is one; a number
 * is that many; unset, `0` or `false` trusts none (the socket's address is the client's).
 */
export function trustedProxyHops(value: string | undefined): number {
  const text = value?.trim().toLowerCase();
  if (!text || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  const hops = Number(text);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUST_PROXY must be a number of proxies from 0 to 10 (or true/false), not "${value}".`);
  return hops;
}

/**
 * The address the client connected from, given `hops` trusted proxies. Each proxy appends the address
 * it saw to X-Forwarded-For, so only the right-most `hops` entries are written by proxies we trust;
 * anything to their left came from the client and may be forged (MDN, "X-Forwarded-For: Security and
 * privacy concerns"; RFC 7239 §8.3). With one proxy the client is the right-most entry; with two, the
 * one before it. A chain shorter than `hops` (a proxy that sent no header) falls back to the socket.
 */
export function forwardedClientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string {
  const fallback = socketAddress || "unknown";
  if (hops <= 0 || !forwardedFor) return fallback;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - hops] ?? fallback;
}

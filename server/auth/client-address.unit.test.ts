import { describe, expect, it } from "vitest";
import { forwardedClientAddress, trustedProxyHops } from "./client-address";

describe("forwardedClientAddress", () => {
  it("trusts nothing the client sends when no proxy is configured", () => {
    expect(forwardedClientAddress("6.6.6.6", "10.0.0.5", 0)).toBe("10.0.0.5");
  });

  it("with one proxy takes the right-most entry, the address the proxy saw, not the client's forged left-most ones", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(forwardedClientAddress("1.1.1.1, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
    // A new forged address on each try still lands on one throttle key.
    expect(forwardedClientAddress("2.2.2.2, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("with two proxies takes the entry the outer proxy appended", () => {
    expect(forwardedClientAddress("9.9.9.9, 198.51.100.4, 10.0.0.2", "10.0.0.3", 2)).toBe("198.51.100.4");
  });

  it("falls back to the socket when the chain is shorter than the proxies configured or absent", () => {
    expect(forwardedClientAddress("198.51.100.4", "10.0.0.3", 2)).toBe("10.0.0.3");
    expect(forwardedClientAddress(undefined, "10.0.0.3", 1)).toBe("10.0.0.3");
    expect(forwardedClientAddress(" , ", undefined, 1)).toBe("unknown");
  });
});

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["false", 0],
    ["1", 1],
    ["true", 1],
    ["3", 3],
  ])("%j → %i", (value, hops) => {
    expect(trustedProxyHops(value)).toBe(hops);
  });

  it("refuses nonsense with a message", () => {
    expect(() => trustedProxyHops("yes please")).toThrow(/TRUST_PROXY must be a number/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
  });
});

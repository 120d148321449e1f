import { describe, expect, it } from "vitest";
import { PEER_HEADER, UNKNOWN_ADDRESS, clientAddress, normalizeAddress } from "@/lib/http/client-address";

describe("client address", () => {
  it("with no trusted proxy, is the socket's address that scripts/app-server.mjs wrote, never X-Forwarded-For", () => {
    const headers = new Headers({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(headers, 0, true)).toBe("203.0.113.5");
    expect(clientAddress({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" }, 0, true)).toBe("203.0.113.5");
  });

  it("is unknown when the process does not run under scripts/app-server.mjs: the header could come from the client", () => {
    expect(clientAddress(new Headers({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" }), 0, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers(), 0, true)).toBe(UNKNOWN_ADDRESS);
  });

  it("with n trusted proxies, is the n-th X-Forwarded-For entry from the right (what our outermost proxy saw)", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.2", [PEER_HEADER]: "10.0.0.3" });
    expect(clientAddress(headers, 1, true)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2, true)).toBe("198.51.100.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.2" }), 2, true)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers(), 1, true)).toBe(UNKNOWN_ADDRESS);
  });

  it("gives one client one key: IPv4-mapped IPv6 as IPv4, IPv6 by its /64, ports and zones dropped", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("203.0.113.5:51234")).toBe("203.0.113.5");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8:1:2::7]:443")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("  ")).toBe(UNKNOWN_ADDRESS);
    expect(normalizeAddress(undefined)).toBe(UNKNOWN_ADDRESS);
    // Not an address (an obfuscated identifier from a trusted proxy): kept as its own key.
    expect(normalizeAddress("_hidden")).toBe("_hidden");
  });
});

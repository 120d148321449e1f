import { isIP } from "node:net";

/**
 * The address a request came from, for throttling (lib/auth/sign-in.ts, lib/security/rate-limit.ts).
 *
 * - TRUSTED_PROXY_HOPS = n ≥ 1: the n-th entry from the right of X-Forwarded-For, the one our own
 *   outermost proxy wrote (entries further left are the client's to write).
 * - TRUSTED_PROXY_HOPS = 0: the socket's remote address. A route handler cannot see the socket, and
 *   `next start` is no help: it fills X-Forwarded-For from the socket only when the client sent none
 *   (`??=` in next/dist/server/base-server.js), so a client could choose its own. The app's server
 *   (scripts/app-server.mjs) therefore sets PEER_HEADER from the socket on every request, overwriting what the
 *   client sent, and marks the process so that the header is believed only under that server.
 *   Under plain `next start` the address is "unknown": throttles keyed by address then fall back to
 *   one shared key (still per account for sign-in), and instrumentation.ts warns at start-up.
 *
 * Addresses are normalised so that one client has one key: IPv4-mapped IPv6 as IPv4, and IPv6 cut
 * to its /64 prefix (one host, or one home or cloud customer, holds a whole /64).
 */
export const PEER_HEADER = "x-expert-panel-peer";
const PEER_MARK = Symbol.for("expert-panel.peer-header");
export const UNKNOWN_ADDRESS = "unknown";

type THeaders = Headers | Record<string, unknown> | undefined;

function header(headers: THeaders, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** Whether this process runs under scripts/app-server.mjs, which sets PEER_HEADER itself. */
export function peerHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_MARK] === PEER_HEADER;
}

export function clientAddress(headers: THeaders, trustedProxyHops: number, trustPeerHeader = peerHeaderTrusted()): string {
  let raw: string | undefined;
  if (trustedProxyHops > 0) {
    const entries = (header(headers, "x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
    raw = entries[entries.length - trustedProxyHops];
  } else if (trustPeerHeader) {
    raw = header(headers, PEER_HEADER);
  }
  return normalizeAddress(raw);
}

function expandIpv6(address: string): number[] {
  let a = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number) as [number, number, number, number];
    a = `${a.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = a.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => parseInt(g, 16));
}

export function normalizeAddress(raw: string | undefined): string {
  let a = (raw ?? "").trim().toLowerCase();
  if (!a) return UNKNOWN_ADDRESS;
  // Some proxies write a port: "[v6]:port" or "v4:port".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, ""); // an IPv6 zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1]!;
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind === 6) return `${expandIpv6(a).slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
  // Not an address (a trusted proxy may write an obfuscated identifier): still one key per value.
  return a.slice(0, 100);
}

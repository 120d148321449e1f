import { randomUUID } from "node:crypto";
import type { TItemKind } from "./fixtures";
import type { HttpClient } from "./http";
import { randomInt, randomValue } from "./values";

/**
 * Simulated experts autosaving, the way the questionnaire page does: each expert keeps, per item,
 * the last revision the server acknowledged and sends it as `baseRevision`; an item is never saved
 * again while its previous save is in flight (the page queues saves per item), so a conflict means
 * the server lost or reordered something. A save whose outcome is unknown (network error, 5xx) is
 * sent again unchanged, with the same mutation id, the next time its item comes up (as the page's
 * durable queue replays it), so the server must apply it once whatever happened to the first try.
 * The load goes to one app instance or is spread round-robin over several (`targets`).
 */

export type TItemSpec = { code: string; kind: TItemKind };

/** Client-side record of every expert × item: what the server last acknowledged. */
export class ExpertPanel {
  readonly revision: Int32Array;
  readonly value: unknown[];
  readonly busy: Uint8Array;
  /** A save whose outcome is unknown (network error, 5xx, timeout): it may or may not have been applied. */
  readonly unknown: Uint8Array;
  /** The save of each unknown slot, resent unchanged until the server answers it. */
  readonly pending = new Map<number, { mutationId: string; value: unknown; body: string }>();
  /** Mutation ids the server acknowledged (200): the mutation log must hold exactly these. */
  readonly ackedMutations = new Set<string>();

  constructor(
    readonly cookies: string[],
    readonly expertIds: string[],
    readonly items: TItemSpec[],
    /** The published version the questionnaire page showed (sent with every save). */
    readonly versionId: string,
  ) {
    const n = cookies.length * items.length;
    this.revision = new Int32Array(n);
    this.value = new Array<unknown>(n).fill(null);
    this.busy = new Uint8Array(n);
    this.unknown = new Uint8Array(n);
  }

  get experts(): number {
    return this.cookies.length;
  }

  /** A random expert and one of their items with no save in flight; -1 if that expert has none free. */
  pick(): number {
    const e = randomInt(this.experts);
    const m = this.items.length;
    for (let tries = 0; tries < 8; tries++) {
      const slot = e * m + randomInt(m);
      if (!this.busy[slot]) return slot;
    }
    for (let j = 0; j < m; j++) if (!this.busy[e * m + j]) return e * m + j;
    return -1;
  }
}

const NETWORK = -1;

/** One app instance, or several that the saves are spread over round-robin. */
export type TTargets = HttpClient | HttpClient[];

function clientsOf(targets: TTargets): HttpClient[] {
  return Array.isArray(targets) ? targets : [targets];
}

export type TPhaseResult = {
  label: string;
  /** Requests the schedule called for (open loop) or made (closed loop). */
  scheduled: number;
  completed: number;
  acked: number;
  replays: number;
  /** Saves resent unchanged after an unknown outcome. */
  retries: number;
  /** 409s on an item whose previous save went unanswered: the client resyncing, as the page does. */
  resyncs: number;
  /** 409s otherwise: the server refused a save based on the last revision it acknowledged. */
  conflicts: number;
  dropped: number;
  /** Everything but 200 and a revision conflict: other statuses, network errors, timeouts, drops. */
  errors: number;
  errorKinds: Record<string, number>;
  /** The first response body (or error message) of each kind of error. */
  errorExamples: Record<string, string>;
  /** Latency of every completed request, in ms, from when it was due (open loop) or sent (closed loop). */
  latencies: Float64Array;
  /** First due time to last completion, in seconds. */
  seconds: number;
  ackedPerSecond: number;
  /** Acknowledged saves in each whole second of the run. */
  timeline: number[];
  /** The longest latency of the requests due in each whole second of the run (ms): where stalls happened. */
  slowestPerSecond: number[];
  maxInFlight: number;
  /** The longest any request took from being sent to its answer or failure (ms): a hang shows here. */
  maxRequestMs: number;
  /** The same per outcome ("200", "409" or an error kind such as "HTTP 503 unavailable"). */
  slowestByOutcome: Record<string, number>;
  /** How late the generator sent requests behind their schedule (ms): a busy generator shows here. */
  maxSendLagMs: number;
  sockets: number;
};

type TRecorder = {
  result: TPhaseResult;
  t0: number;
  lat: number[];
  inFlight: number;
  clients: HttpClient[];
  next: number;
};

function newRecorder(label: string, targets: TTargets): TRecorder {
  return {
    t0: performance.now(),
    lat: [],
    inFlight: 0,
    clients: clientsOf(targets),
    next: 0,
    result: {
      label,
      scheduled: 0,
      completed: 0,
      acked: 0,
      replays: 0,
      retries: 0,
      resyncs: 0,
      conflicts: 0,
      dropped: 0,
      errors: 0,
      errorKinds: {},
      errorExamples: {},
      latencies: new Float64Array(0),
      seconds: 0,
      ackedPerSecond: 0,
      timeline: [],
      slowestPerSecond: [],
      maxInFlight: 0,
      maxRequestMs: 0,
      slowestByOutcome: {},
      maxSendLagMs: 0,
      sockets: 0,
    },
  };
}

function countError(r: TPhaseResult, kind: string, example?: string): void {
  r.errors++;
  r.errorKinds[kind] = (r.errorKinds[kind] ?? 0) + 1;
  if (example && !(kind in r.errorExamples)) r.errorExamples[kind] = example.slice(0, 400);
}

/** Sends one save for `slot` (or resends its unanswered one) and records the outcome into the panel and the recorder.
 * Resolves to true when the server answered the save (200 or 409). */
async function save(origin: string, panel: ExpertPanel, slot: number, rec: TRecorder, dueAt: number): Promise<boolean> {
  const m = panel.items.length;
  const expert = Math.floor(slot / m);
  const item = panel.items[slot % m]!;
  const r = rec.result;
  let mutation = panel.pending.get(slot);
  if (mutation) {
    r.retries++;
  } else {
    const mutationId = randomUUID();
    const value = randomValue(item.kind, item.code);
    const body = JSON.stringify({ mutationId, versionId: panel.versionId, item: item.code, baseRevision: panel.revision[slot], value });
    mutation = { mutationId, value, body };
  }
  const wasUnknown = panel.unknown[slot] === 1;
  const http = rec.clients[rec.next++ % rec.clients.length]!;
  panel.busy[slot] = 1;
  rec.inFlight++;
  if (rec.inFlight > r.maxInFlight) r.maxInFlight = rec.inFlight;
  let code = NETWORK;
  let outcome = "";
  const sentAt = performance.now();
  try {
    const res = await http.request("POST", "/api/expert/answers", { "content-type": "application/json", origin, cookie: panel.cookies[expert]! }, mutation.body);
    code = res.status;
    let parsed: { status?: string; revision?: number; replay?: boolean; value?: unknown; error?: { code?: string } } = {};
    try {
      parsed = JSON.parse(res.body);
    } catch {
      // not JSON: counted below by status
    }
    if (res.status === 200 && parsed.status === "saved" && typeof parsed.revision === "number") {
      panel.revision[slot] = parsed.revision;
      panel.value[slot] = mutation.value;
      panel.unknown[slot] = 0;
      panel.pending.delete(slot);
      panel.ackedMutations.add(mutation.mutationId);
      outcome = "200";
      r.acked++;
      if (parsed.replay) r.replays++;
      const second = Math.floor((performance.now() - rec.t0) / 1000);
      r.timeline[second] = (r.timeline[second] ?? 0) + 1;
    } else if (res.status === 409 && parsed.status === "conflict" && typeof parsed.revision === "number") {
      // What the page does: adopt the stored answer and its revision.
      panel.revision[slot] = parsed.revision;
      panel.value[slot] = parsed.value ?? null;
      panel.unknown[slot] = 0;
      panel.pending.delete(slot);
      outcome = "409";
      if (wasUnknown) r.resyncs++;
      else r.conflicts++;
    } else {
      // A 5xx may have committed before failing: the outcome is unknown and the save is resent later.
      if (res.status >= 500) {
        panel.unknown[slot] = 1;
        panel.pending.set(slot, mutation);
      }
      const noRetryAfter = res.status === 503 && !res.headers["retry-after"] ? " without Retry-After" : "";
      outcome = `HTTP ${res.status}${parsed.error?.code ? ` ${parsed.error.code}` : ""}${noRetryAfter}`;
      countError(r, outcome, `${mutation.body} → ${res.body}`);
    }
  } catch (error) {
    panel.unknown[slot] = 1;
    panel.pending.set(slot, mutation);
    outcome = `network ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    countError(r, outcome, (error as Error).message);
  } finally {
    panel.busy[slot] = 0;
    rec.inFlight--;
    r.completed++;
    const took = performance.now() - sentAt;
    r.maxRequestMs = Math.max(r.maxRequestMs, took);
    r.slowestByOutcome[outcome] = Math.max(r.slowestByOutcome[outcome] ?? 0, took);
    if (code !== NETWORK) {
      const latency = performance.now() - dueAt;
      rec.lat.push(latency);
      const second = Math.max(0, Math.floor((dueAt - rec.t0) / 1000));
      r.slowestPerSecond[second] = Math.max(r.slowestPerSecond[second] ?? 0, latency);
    }
  }
  return code === 200 || code === 409;
}

function finish(rec: TRecorder): TPhaseResult {
  const r = rec.result;
  r.latencies = Float64Array.from(rec.lat);
  r.seconds = (performance.now() - rec.t0) / 1000;
  r.ackedPerSecond = r.acked / r.seconds;
  for (let i = 0; i < r.timeline.length; i++) r.timeline[i] ??= 0;
  for (let i = 0; i < r.slowestPerSecond.length; i++) r.slowestPerSecond[i] ??= 0;
  r.sockets = Math.max(r.sockets, sockets(rec));
  return r;
}

function sockets(rec: TRecorder): number {
  return rec.clients.reduce((n, c) => n + c.sockets(), 0);
}

async function drain(rec: TRecorder, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (rec.inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Open loop: requests are due at a steady `rate` whatever the server does, so a slow server shows
 * as latency (measured from the due time) instead of as a politely slower client. Past
 * `maxInFlight` outstanding requests, new ones are dropped and counted as errors.
 */
export async function openLoop(options: {
  label: string;
  http: TTargets;
  origin: string;
  panel: ExpertPanel;
  rate: number;
  seconds: number;
  maxInFlight: number;
  requestTimeoutMs: number;
}): Promise<TPhaseResult> {
  const { origin, panel, rate } = options;
  const rec = newRecorder(options.label, options.http);
  const total = Math.max(1, Math.round(rate * options.seconds));
  const r = rec.result;
  let sockSampler = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - rec.t0) * rate) / 1000) + 1);
      while (r.scheduled < due) {
        const dueAt = rec.t0 + (r.scheduled * 1000) / rate;
        r.scheduled++;
        r.maxSendLagMs = Math.max(r.maxSendLagMs, now - dueAt);
        if (rec.inFlight >= options.maxInFlight) {
          r.dropped++;
          countError(r, "dropped (in-flight cap)");
          continue;
        }
        const slot = panel.pick();
        if (slot < 0) {
          r.dropped++;
          countError(r, "dropped (expert has every item in flight)");
          continue;
        }
        void save(origin, panel, slot, rec, dueAt);
      }
      if (++sockSampler % 100 === 0) r.sockets = Math.max(r.sockets, sockets(rec));
      if (r.scheduled >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await drain(rec, options.requestTimeoutMs + 5_000);
  return finish(rec);
}

/**
 * Closed loop: `concurrency` clients each send the next save as soon as the last is answered, or
 * after `pauseMs` (a think time that caps the rate); after a failure a client waits
 * `pauseAfterErrorMs`, as the page backs off instead of hammering a server that is down.
 */
export async function closedLoop(options: {
  label: string;
  http: TTargets;
  origin: string;
  panel: ExpertPanel;
  concurrency: number;
  seconds: number;
  requestTimeoutMs: number;
  pauseMs?: number;
  pauseAfterErrorMs?: number;
}): Promise<TPhaseResult> {
  const { origin, panel } = options;
  const rec = newRecorder(options.label, options.http);
  const deadline = rec.t0 + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const slot = panel.pick();
        if (slot < 0) {
          await new Promise((r) => setImmediate(r));
          continue;
        }
        rec.result.scheduled++;
        const answered = await save(origin, panel, slot, rec, performance.now());
        const pause = answered ? (options.pauseMs ?? 0) : (options.pauseAfterErrorMs ?? 0);
        if (pause > 0) await sleep(pause);
      }
    }),
  );
  await drain(rec, options.requestTimeoutMs + 5_000);
  return finish(rec);
}

/**
 * After a fault: resends every save whose outcome is still unknown until the server answers it,
 * pausing `pauseMs` between rounds, for at most `timeoutMs`. Afterwards every item's state is
 * known, so the stored answers can be compared with the last acknowledged ones everywhere.
 */
export async function settle(options: { http: TTargets; origin: string; panel: ExpertPanel; concurrency: number; timeoutMs: number; pauseMs: number }): Promise<TPhaseResult> {
  const { origin, panel } = options;
  const rec = newRecorder("settle", options.http);
  const deadline = rec.t0 + options.timeoutMs;
  for (;;) {
    const slots: number[] = [];
    for (let slot = 0; slot < panel.unknown.length; slot++) if (panel.unknown[slot]) slots.push(slot);
    if (slots.length === 0 || performance.now() > deadline) break;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, slots.length) }, async () => {
        while (next < slots.length) {
          const slot = slots[next++]!;
          rec.result.scheduled++;
          await save(origin, panel, slot, rec, performance.now());
        }
      }),
    );
    if (panel.unknown.some((u) => u === 1)) await sleep(options.pauseMs);
  }
  return finish(rec);
}

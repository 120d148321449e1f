import { describe, expect, it } from "vitest";
import {
  MAX_SERVER_ERRORS,
  acknowledge,
  classifyFailure,
  adoptServer,
  discardRefusal,
  enqueue,
  markSent,
  queueKey,
  readQueue,
  refuse,
  retryRefusal,
  serverError,
  writeQueue,
  type TPending,
  type TQueueState,
  type TStorage,
} from "@/lib/autosave/queue";
import { UNSTORABLE_CODE } from "@/lib/http/text-input";

class MemoryStorage implements TStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const state = (pending: TPending[] = [], revisions: Record<string, number> = {}, values: TQueueState["values"] = {}, refused: TQueueState["refused"] = {}): TQueueState => ({ pending, revisions, values, refused });
const change = (mutationId: string, item: string, text: string): TPending => ({ mutationId, item, value: { text } });
const ids = (s: TQueueState) => s.pending.map((p) => p.mutationId);
const EMPTY = { pending: [], revisions: {}, values: {}, refused: {} };

describe("enqueue", () => {
  it("appends changes to different items in order", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "a1"));
    s = enqueue(s, change("m2", "B", "b1"));
    s = enqueue(s, change("m3", "C", "c1"));
    expect(ids(s)).toEqual(["m1", "m2", "m3"]);
  });

  it("coalesces an unsent change to the same item in place, keeping the order of items", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "a1"));
    s = enqueue(s, change("m2", "B", "b1"));
    s = enqueue(s, change("m3", "A", "a2"));
    expect(s.pending).toEqual([change("m3", "A", "a2"), change("m2", "B", "b1")]);
    s = enqueue(s, change("m4", "B", "b2"));
    s = enqueue(s, change("m5", "A", "a3"));
    expect(s.pending).toEqual([change("m5", "A", "a3"), change("m4", "B", "b2")]);
  });

  it("never replaces an entry that was sent (its acknowledgement may have been lost); the new change queues behind it", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "a1"));
    s = enqueue(s, change("m2", "B", "b1"));
    s = markSent(s, "m1");
    const sent = { ...change("m1", "A", "a1"), sent: true };
    s = enqueue(s, change("m3", "A", "a2"));
    expect(s.pending).toEqual([sent, change("m2", "B", "b1"), change("m3", "A", "a2")]);
    // A further change to A replaces the unsent m3, not m1.
    s = enqueue(s, change("m4", "A", "a3"));
    expect(s.pending).toEqual([sent, change("m2", "B", "b1"), change("m4", "A", "a3")]);
  });

  it("a sent entry for another item does not prevent coalescing", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "a1"));
    s = enqueue(s, change("m2", "B", "b1"));
    s = markSent(s, "m1");
    s = enqueue(s, change("m3", "B", "b2"));
    expect(s.pending).toEqual([{ ...change("m1", "A", "a1"), sent: true }, change("m3", "B", "b2")]);
  });

  it("keeps a cleared value (null) as a change of its own", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "a1"));
    s = enqueue(s, { mutationId: "m2", item: "A", value: null });
    expect(s.pending).toEqual([{ mutationId: "m2", item: "A", value: null }]);
  });

  it("leaves revisions and values alone and does not mutate the state it was given", () => {
    const before = state([change("m1", "A", "a1")], { A: 2 }, { A: { text: "old" } });
    const copy = structuredClone(before);
    const next = enqueue(before, change("m2", "A", "a2"));
    enqueue(next, change("m3", "B", "b1"));
    expect(before).toEqual(copy);
    expect(next.revisions).toEqual({ A: 2 });
    expect(next.values).toEqual({ A: { text: "old" } });
  });
});

describe("acknowledge", () => {
  it("removes exactly the acknowledged mutation and records its revision and value", () => {
    const m1 = change("m1", "A", "a1");
    const before = state([m1, change("m2", "B", "b1"), change("m3", "A", "a2")], { B: 4 }, { B: { text: "b0" } });
    const next = acknowledge(before, m1, 3);
    expect(ids(next)).toEqual(["m2", "m3"]);
    expect(next.revisions).toEqual({ A: 3, B: 4 });
    expect(next.values).toEqual({ A: { text: "a1" }, B: { text: "b0" } });
    expect(ids(before)).toEqual(["m1", "m2", "m3"]);
  });

  it("raises the known revision but never lowers it (e.g. a late replay acknowledgement)", () => {
    const m1 = change("m1", "A", "older");
    const next = acknowledge(state([m1], { A: 5 }, { A: { text: "newer" } }), m1, 2);
    expect(next.pending).toEqual([]);
    expect(next.revisions.A).toBe(5);
    expect(next.values.A).toEqual({ text: "newer" });

    const higher = acknowledge(state([], { A: 5 }, { A: { text: "newer" } }), change("m9", "A", "newest"), 6);
    expect(higher.revisions.A).toBe(6);
    expect(higher.values.A).toEqual({ text: "newest" });
  });

  it("records a cleared value as null", () => {
    const cleared: TPending = { mutationId: "m1", item: "A", value: null };
    const next = acknowledge(state([cleared], { A: 1 }, { A: { text: "x" } }), cleared, 2);
    expect(next.revisions.A).toBe(2);
    expect(next.values).toEqual({ A: null });
  });

  it("an acknowledgement for a mutation no longer queued leaves the pending list as it was", () => {
    const before = state([change("m1", "A", "a1")]);
    const next = acknowledge(before, change("zzz", "B", "b"), 1);
    expect(next.pending).toEqual(before.pending);
    expect(next.revisions).toEqual({ B: 1 });
  });
});

describe("adoptServer", () => {
  it("drops every unsent change to the item and takes the server's revision and value", () => {
    const before = state([change("m1", "A", "a1"), change("m2", "B", "b1"), change("m3", "A", "a2")], { A: 1, B: 2 }, { A: { text: "a0" } });
    const next = adoptServer(before, "A", 7, { text: "server" });
    expect(ids(next)).toEqual(["m2"]);
    expect(next.revisions).toEqual({ A: 7, B: 2 });
    expect(next.values).toEqual({ A: { text: "server" } });
    expect(ids(before)).toEqual(["m1", "m2", "m3"]);
  });

  it("sets the revision the server holds, whatever was known before, including a cleared value", () => {
    const next = adoptServer(state([], { A: 9 }, { A: { text: "x" } }), "A", 4, null);
    expect(next.revisions.A).toBe(4);
    expect(next.values).toEqual({ A: null });
  });
});

describe("readQueue / writeQueue", () => {
  const key = queueKey("user-1", "version-1");

  it("round-trips a state", () => {
    const storage = new MemoryStorage();
    const s = state([change("m1", "A", "a1"), { mutationId: "m2", item: "B", value: null }], { A: 1 }, { A: { text: "a0" } });
    writeQueue(storage, key, s);
    expect(readQueue(storage, key)).toEqual(s);
  });

  it("a missing key is an empty queue", () => {
    expect(readQueue(new MemoryStorage(), key)).toEqual(EMPTY);
  });

  it("keys differ per user and per version", () => {
    expect(queueKey("u1", "v1")).not.toBe(queueKey("u2", "v1"));
    expect(queueKey("u1", "v1")).not.toBe(queueKey("u1", "v2"));
  });

  it.each([
    ["corrupt JSON", "{not json"],
    ["an empty string", ""],
    ["JSON null", "null"],
    ["a number", "42"],
    ["an object without the keys", "{}"],
    ["pending that is not a list", JSON.stringify({ pending: "x" })],
  ])("survives %s", (_name, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(key, raw);
    const s = readQueue(storage, key);
    expect(s).toEqual(EMPTY);
    // The result can be used at once.
    const next = acknowledge(enqueue(s, change("m1", "A", "a1")), change("m1", "A", "a1"), 1);
    expect(next).toEqual({ pending: [], revisions: { A: 1 }, values: { A: { text: "a1" } }, refused: {} });
  });

  it("keeps what is usable of a partial state (an older format without values)", () => {
    const storage = new MemoryStorage();
    storage.setItem(key, JSON.stringify({ pending: [change("m1", "A", "a1")], revisions: { A: 2 } }));
    expect(readQueue(storage, key)).toEqual({ pending: [change("m1", "A", "a1")], revisions: { A: 2 }, values: {}, refused: {} });
  });

  it("a storage that throws on read is an empty queue", () => {
    const storage: TStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => undefined,
    };
    expect(readQueue(storage, key)).toEqual(EMPTY);
  });
});

describe("refusals: a change the server refuses for good never holds back the others", () => {
  /** What a browser does: send the head of the line, then act on the server's answer. */
  type TAnswer = "saved" | "refused" | "serverError";
  function drain(s: TQueueState, answer: (p: TPending) => TAnswer): { state: TQueueState; sent: string[] } {
    const sent: string[] = [];
    let revision = 100;
    for (let guard = 0; s.pending.length && guard < 100; guard++) {
      const head = s.pending[0]!;
      s = markSent(s, head.mutationId);
      sent.push(head.mutationId);
      const a = answer(head);
      if (a === "saved") s = acknowledge(s, head, ++revision);
      else if (a === "refused") s = refuse(s, head, "characters");
      else s = serverError(s, head).state;
    }
    return { state: s, sent };
  }

  it("a refused change leaves the line at once; the later changes, to other items and to the same one, are saved", () => {
    let s = state();
    s = enqueue(s, change("m1", "A", "bad\u0000"));
    s = markSent(s, "m1");
    s = enqueue(s, change("m2", "B", "b1"));
    s = enqueue(s, change("m3", "C", "c1"));
    const { state: after, sent } = drain(s, (p) => (p.mutationId === "m1" ? "refused" : "saved"));
    expect(sent).toEqual(["m1", "m2", "m3"]);
    expect(after.pending).toEqual([]);
    expect(after.values).toEqual({ B: { text: "b1" }, C: { text: "c1" } });
    expect(after.refused).toEqual({ A: { mutationId: "m1", value: { text: "bad\u0000" }, reason: "characters" } });
  });

  it("keeps the refused value and the reason across a reload, without sending it again", () => {
    const storage = new MemoryStorage();
    const key = queueKey("u", "v");
    const refused = refuse(state([change("m1", "A", "bad")]), change("m1", "A", "bad"), "invalid");
    writeQueue(storage, key, refused);
    const reloaded = readQueue(storage, key);
    expect(reloaded.pending).toEqual([]);
    expect(reloaded.refused.A).toEqual({ mutationId: "m1", value: { text: "bad" }, reason: "invalid" });
  });

  it("is resolved by a later change to the item being saved (the user's correction), not by one to another item", () => {
    let s = refuse(state([change("m1", "A", "bad")]), change("m1", "A", "bad"), "invalid");
    s = acknowledge(enqueue(s, change("m2", "B", "b")), change("m2", "B", "b"), 3);
    expect(Object.keys(s.refused)).toEqual(["A"]);
    // A new change to A takes the refusal's place while it waits, and is saved.
    s = enqueue(s, change("m3", "A", "fixed"));
    expect(s.refused).toEqual({});
    const { state: after } = drain(s, () => "saved");
    expect(after.values.A).toEqual({ text: "fixed" });
    expect(after.refused).toEqual({});
  });

  it("a change queued behind a refused one to the same item is sent, and clears the refusal once saved", () => {
    let s = enqueue(state(), change("m1", "A", "bad"));
    s = markSent(s, "m1");
    s = enqueue(s, change("m2", "A", "good"));
    const { state: after } = drain(s, (p) => (p.mutationId === "m1" ? "refused" : "saved"));
    expect(after.refused).toEqual({});
    expect(after.values.A).toEqual({ text: "good" });
  });

  it("is dropped when the server's value changes under it (saved elsewhere)", () => {
    const s = refuse(state([change("m1", "A", "bad")]), change("m1", "A", "bad"), "invalid");
    expect(adoptServer(s, "A", 9, { text: "other device" }).refused).toEqual({});
  });

  it("the user can discard it: the item goes back to its last saved value", () => {
    const s = refuse(state([change("m1", "A", "bad")], { A: 2 }, { A: { text: "saved" } }), change("m1", "A", "bad"), "invalid");
    const next = discardRefusal(s, "A");
    expect(next.refused).toEqual({});
    expect(next.values.A).toEqual({ text: "saved" });
    expect(next.pending).toEqual([]);
  });

  it("a change the server fails on again and again (HTTP 500) is refused after MAX_SERVER_ERRORS tries, and the rest go on", () => {
    let s = enqueue(state(), change("m1", "A", "breaks the server"));
    s = enqueue(s, change("m2", "B", "b"));
    const { state: after, sent } = drain(s, (p) => (p.item === "A" ? "serverError" : "saved"));
    expect(sent).toEqual([...Array(MAX_SERVER_ERRORS).fill("m1"), "m2"]);
    expect(after.refused.A?.reason).toBe("serverError");
    expect(after.values.B).toEqual({ text: "b" });
  });

  it("a server error that goes away is only a retry: the change is saved, nothing is refused", () => {
    let errors = 0;
    const s = enqueue(state(), change("m1", "A", "a"));
    const { state: after } = drain(s, () => (errors++ < MAX_SERVER_ERRORS - 1 ? "serverError" : "saved"));
    expect(after.refused).toEqual({});
    expect(after.values.A).toEqual({ text: "a" });
  });

  it("trying a refused change again replays it under its own mutation id (the server may have applied it)", () => {
    let s = enqueue(state(), change("m1", "A", "a"));
    s = drain(s, () => "serverError").state;
    expect(s.refused.A).toBeDefined();
    s = retryRefusal(s, "A");
    expect(s.refused).toEqual({});
    expect(s.pending).toEqual([{ mutationId: "m1", item: "A", value: { text: "a" }, sent: true }]);
    // A sent entry is never coalesced: a newer change queues behind it.
    s = enqueue(s, change("m2", "A", "b"));
    expect(ids(s)).toEqual(["m1", "m2"]);
  });
});

describe("classifyFailure", () => {
  it("tells a refusal for good from a failure worth retrying", () => {
    const unstorable = { error: { code: UNSTORABLE_CODE, message: "…", details: [{ path: "text", message: "…" }] } };
    expect(classifyFailure(400, unstorable)).toEqual({ kind: "refuse", reason: "characters" });
    expect(classifyFailure(400, { error: { code: "bad_request", details: [{ path: "value", message: "Too long" }] } })).toEqual({ kind: "refuse", reason: "invalid" });
    expect(classifyFailure(400, null)).toEqual({ kind: "refuse", reason: "invalid" });
    expect(classifyFailure(413, null)).toEqual({ kind: "refuse", reason: "tooLarge" });
    expect(classifyFailure(404, null)).toEqual({ kind: "refuse", reason: "gone" });
    expect(classifyFailure(409, null)).toEqual({ kind: "refuse", reason: "rejected" });
    expect(classifyFailure(422, null)).toEqual({ kind: "refuse", reason: "invalid" });
    expect(classifyFailure(500, null)).toEqual({ kind: "retry", serverError: true });
    for (const status of [502, 503, 504, 408, 429, 200, 302]) expect(classifyFailure(status, null)).toEqual({ kind: "retry" });
  });
});

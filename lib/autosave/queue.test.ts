import { describe, expect, it } from "vitest";
import { acknowledge, adoptServer, enqueue, markSent, queueKey, readQueue, writeQueue, type TPending, type TQueueState, type TStorage } from "@/lib/autosave/queue";

class MemoryStorage implements TStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const state = (pending: TPending[] = [], revisions: Record<string, number> = {}, values: TQueueState["values"] = {}): TQueueState => ({ pending, revisions, values });
const change = (mutationId: string, item: string, text: string): TPending => ({ mutationId, item, value: { text } });
const ids = (s: TQueueState) => s.pending.map((p) => p.mutationId);
const EMPTY = { pending: [], revisions: {}, values: {} };

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
    expect(next).toEqual({ pending: [], revisions: { A: 1 }, values: { A: { text: "a1" } } });
  });

  it("keeps what is usable of a partial state (an older format without values)", () => {
    const storage = new MemoryStorage();
    storage.setItem(key, JSON.stringify({ pending: [change("m1", "A", "a1")], revisions: { A: 2 } }));
    expect(readQueue(storage, key)).toEqual({ pending: [change("m1", "A", "a1")], revisions: { A: 2 }, values: {} });
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

import { Client } from "pg";
import { LIVE_CHANNEL, parseLivePayload, type TLiveEvent } from "@/lib/live/events";
import { listenToLive } from "@/lib/live/notify";

type TListener = (event: TLiveEvent) => void;
type TLogger = { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * One LISTEN connection per app instance, shared by every browser it serves. It connects on the
 * first subscription, reconnects with back-off after the database restarts or the connection
 * drops, and then tells every subscriber to resync, since notifications sent meanwhile are lost.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<TListener>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private everConnected = false;

  constructor(
    private readonly connectionString: string,
    private readonly logger?: TLogger,
  ) {}

  /** Calls `listener` for each event of the study until the returned function is called. */
  subscribe(studyId: string, listener: TListener): () => void {
    let set = this.listeners.get(studyId);
    if (!set) this.listeners.set(studyId, (set = new Set()));
    set.add(listener);
    void this.ensureConnected();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(studyId);
    };
  }

  /** Resolves once LISTEN is in place (tests use it to avoid racing the first notification). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: "expert-panel-live" });
    client.on("notification", (msg) => {
      if (msg.channel !== LIVE_CHANNEL) return;
      const event = parseLivePayload(msg.payload);
      if (event) this.emit(event);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await listenToLive(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger?.warn({ event: "live.connect_failed", err: error instanceof Error ? error.message : String(error) }, "live updates: cannot listen yet");
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    if (this.everConnected) {
      this.logger?.info({ event: "live.reconnected" }, "live updates: listening again");
      for (const studyId of this.listeners.keys()) this.emit({ studyId, topic: "resync" });
    }
    this.everConnected = true;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (!this.closed) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ensureConnected();
    }, delay);
    this.retryTimer.unref();
  }

  private emit(event: TLiveEvent): void {
    for (const listener of this.listeners.get(event.studyId) ?? []) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
  }
}

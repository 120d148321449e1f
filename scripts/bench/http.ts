import http from "node:http";

export type THttpResponse = { status: number; body: string; headers: http.IncomingHttpHeaders };

/**
 * A keep-alive HTTP/1.1 client on node:http (no extra packages). Requests beyond `maxSockets`
 * queue inside the agent; callers measure latency from when they meant to send, so that queueing
 * counts. Idle sockets are closed after 4 s, before the server's 5 s keep-alive timeout, so a
 * request never lands on a socket the server is closing.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;
  readonly baseUrl: string;

  constructor(baseUrl: string, options: { maxSockets: number; timeoutMs: number }) {
    this.timeoutMs = options.timeoutMs;
    this.baseUrl = baseUrl;
    const url = new URL(baseUrl);
    if (url.protocol !== "http:") throw new Error(`Only http:// is supported (${baseUrl}).`);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, timeout: 4_000, scheduling: "lifo" });
  }

  request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<THttpResponse> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(body);
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: payload ? { ...headers, "content-length": String(payload.length) } : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers });
          });
          res.on("error", (error) => {
            clearTimeout(timer);
            reject(error);
          });
        },
      );
      const timer = setTimeout(() => req.destroy(Object.assign(new Error("request timed out"), { code: "TIMEOUT" })), this.timeoutMs);
      req.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end(payload);
    });
  }

  /** Sockets open right now (busy and idle). */
  sockets(): number {
    const count = (m: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(m).reduce((n, list) => n + (list?.length ?? 0), 0);
    return count(this.agent.sockets) + count(this.agent.freeSockets);
  }

  close(): void {
    this.agent.destroy();
  }
}

import "server-only";
import { z } from "zod";

/**
 * The one place that reads process.env. Every variable is validated here; a missing or malformed
 * one stops start-up with a message naming it (see instrumentation.ts).
 */
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters of random data"),
    NEXTAUTH_URL: z.url().optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** How many proxies in front of the app append to X-Forwarded-For (0: trust none of it). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    BOOTSTRAP_COORDINATOR_EMAIL: z.email().optional(),
    BOOTSTRAP_COORDINATOR_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    BOOTSTRAP_COORDINATOR_NAME: z.string().min(1).max(200).optional(),
    /** E-mail delivery, e.g. smtp://user:pass@mail.example.org:587. Unset: messages go to the in-app outbox. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    SMTP_FROM: z.string().min(3).max(320).optional(),
    /** "off": `npm start` does not seed the demo study into an empty database (a real installation). */
    DEMO: z.enum(["on", "off"]).default("on"),
    /** "off": this instance enqueues jobs but runs no worker (another instance processes them). */
    JOBS_WORKER: z.enum(["on", "off"]).default("on"),
    /** "on": every JSON answer is checked against its route's contract (a mismatch is a 500). Default: on outside production. */
    CHECK_RESPONSES: z.enum(["on", "off"]).optional(),
  })
  .refine((env) => !env.SMTP_URL || (env.SMTP_FROM && env.NEXTAUTH_URL), {
    path: ["SMTP_FROM"],
    message: "SMTP_URL needs SMTP_FROM and NEXTAUTH_URL (links in e-mails must be absolute)",
  })
  .refine((env) => !env.BOOTSTRAP_COORDINATOR_EMAIL === !env.BOOTSTRAP_COORDINATOR_PASSWORD, {
    path: ["BOOTSTRAP_COORDINATOR_PASSWORD"],
    message: "BOOTSTRAP_COORDINATOR_EMAIL and BOOTSTRAP_COORDINATOR_PASSWORD must be set together",
  });

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings count as unset, so `FOO= npm start` behaves like leaving FOO out.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return result.data;
}

let cached: TEnv | undefined;

/** Validated lazily so that `next build` does not need runtime secrets. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/**
 * Structured JSON logs on stdout. Never log passwords, tokens, cookies, e-mail addresses or answer
 * contents: the redaction below is a safety net, not a licence to pass them in.
 */
export const log = pino({
  level: process.env.NEXT_PHASE === "phase-production-build" ? "silent" : env().LOG_LEVEL,
  base: { service: "expert-panel" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "email",
      "*.email",
      "cookie",
      "*.cookie",
      "authorization",
      "*.authorization",
      "headers",
      "*.headers",
      "answer",
      "*.answer",
      "value",
      "*.value",
    ],
    censor: "[redacted]",
  },
});

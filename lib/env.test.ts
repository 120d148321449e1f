import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("environment validation", () => {
  it("accepts a minimal valid environment and applies documented defaults", () => {
    const env = parseEnv(valid);
    expect(env.DB_POOL_MAX).toBe(10);
    expect(env.DB_POOL_TIMEOUT_MS).toBe(3000);
    expect(env.INVITATION_TTL_DAYS).toBe(14);
  });

  it("names a missing variable", () => {
    expect(problems({ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET })).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  it("names a malformed variable and treats an empty one as missing", () => {
    expect(problems({ ...valid, DATABASE_URL: "mysql://localhost/db" })[0]).toMatch(/^DATABASE_URL: must be a postgres/);
    expect(problems({ ...valid, NEXTAUTH_SECRET: "short" })[0]).toMatch(/^NEXTAUTH_SECRET: must be at least 32/);
    expect(problems({ ...valid, NEXTAUTH_SECRET: "" })[0]).toMatch(/^NEXTAUTH_SECRET: /);
    expect(problems({ ...valid, DB_POOL_MAX: "lots" })[0]).toMatch(/^DB_POOL_MAX: /);
  });

  it("requires the bootstrap coordinator's e-mail and password together", () => {
    expect(problems({ ...valid, BOOTSTRAP_COORDINATOR_EMAIL: "a@b.org" })[0]).toMatch(/BOOTSTRAP_COORDINATOR_PASSWORD: .*together/);
  });
});

describe("e-mail settings", () => {
  it("needs SMTP_FROM and NEXTAUTH_URL with SMTP_URL, and defaults the job worker to on", () => {
    expect(parseEnv(valid).JOBS_WORKER).toBe("on");
    expect(problems({ ...valid, SMTP_URL: "smtp://mail.example.org:587" })[0]).toMatch(/^SMTP_FROM: SMTP_URL needs/);
    expect(problems({ ...valid, SMTP_URL: "http://mail.example.org" })[0]).toMatch(/^SMTP_URL: /);
    expect(parseEnv({ ...valid, SMTP_URL: "smtp://mail.example.org:587", SMTP_FROM: "panel@example.org", NEXTAUTH_URL: "https://panel.example.org" }).SMTP_URL).toBeDefined();
    expect(problems({ ...valid, JOBS_WORKER: "maybe" })[0]).toMatch(/^JOBS_WORKER: /);
  });
});

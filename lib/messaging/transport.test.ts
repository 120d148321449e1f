import { describe, expect, it } from "vitest";
import { failureReason, isPermanentFailure, transportFrom } from "@/lib/messaging/transport";

describe("mail transport", () => {
  it("uses the outbox unless both SMTP_URL and SMTP_FROM are set", () => {
    expect(transportFrom({}).kind).toBe("outbox");
    expect(transportFrom({ SMTP_URL: "smtp://127.0.0.1:2525" }).kind).toBe("outbox");
    const smtp = transportFrom({ SMTP_URL: "smtp://127.0.0.1:2525", SMTP_FROM: "panel@example.org" });
    expect(smtp.kind).toBe("smtp");
    if (smtp.kind === "smtp") smtp.close();
  });

  it("treats 5xx refusals as permanent and everything else as worth a retry", () => {
    expect(isPermanentFailure(Object.assign(new Error("x"), { responseCode: 550 }))).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error("x"), { responseCode: 451 }))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe(false);
  });

  it("keeps the server's answer as the reason, shortened", () => {
    expect(failureReason(Object.assign(new Error("Message failed"), { code: "EENVELOPE", response: "550 5.1.1 Mailbox unavailable" }))).toBe("EENVELOPE: 550 5.1.1 Mailbox unavailable");
    expect(failureReason(new Error("x".repeat(900)))).toHaveLength(500);
  });
});

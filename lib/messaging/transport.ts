import nodemailer from "nodemailer";

export type TOutgoingMail = { to: string; subject: string; text: string };

/**
 * How a message leaves the platform. "smtp": through the configured mail server, and the stored
 * copy has the sign-in link removed (only token hashes stay in the database). "outbox": nothing is
 * sent; the message with its link is the delivery channel, read by coordinators in the app.
 */
export type TTransport = { kind: "smtp"; send: (mail: TOutgoingMail) => Promise<void>; close: () => void } | { kind: "outbox" };

export function smtpTransport(url: string, from: string): TTransport {
  const mailer = nodemailer.createTransport(url, { from });
  return {
    kind: "smtp",
    send: async (mail) => {
      await mailer.sendMail({ ...mail, from });
    },
    close: () => mailer.close(),
  };
}

export function transportFrom(config: { SMTP_URL?: string; SMTP_FROM?: string }): TTransport {
  return config.SMTP_URL && config.SMTP_FROM ? smtpTransport(config.SMTP_URL, config.SMTP_FROM) : { kind: "outbox" };
}

/** A rejection the mail server will repeat (5xx): retrying it is pointless. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** The reason kept on a failed message for coordinators (never logged: it may name the address). */
export function failureReason(error: unknown): string {
  const e = error as { response?: unknown; code?: unknown; message?: unknown } | null;
  const text = typeof e?.response === "string" ? e.response : typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" ? `${e.code}: ` : "";
  return `${code}${text}`.slice(0, 500);
}

import { NextResponse } from "next/server";
import type { z } from "zod";

type TReplyInit = { status?: number; headers?: Record<string, string>; /** e.g. to set a cookie */ finish?: (res: NextResponse) => void };

/** An answer with its own status or headers (e.g. 409 with the stored value), still checked against the contract. */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly init: TReplyInit = {},
  ) {}
}

export function reply<T>(body: T, init: TReplyInit): Reply<T> {
  return new Reply(body, init);
}

/** The contract's answer did not match: a 500 (lib/route/handler.ts errorResponse logs the paths, never the values). */
export class ResponseContractError extends Error {
  constructor(readonly issues: Array<{ path: string; code: string }>) {
    super(`The response does not match its contract: ${issues.map((i) => `${i.path || "(root)"} ${i.code}`).join(", ")}`);
    this.name = "ResponseContractError";
  }
}

/**
 * Serializes a handler's answer (a value, or a Reply). With `check`, the answer must match the
 * contract's response schema, and what is sent is the schema's output: dates as ISO strings,
 * fields the contract does not name left out.
 */
export function contractResponse(schema: z.ZodType | undefined, result: unknown, check: boolean): NextResponse {
  const { body, init } = result instanceof Reply ? result : { body: result ?? { ok: true }, init: {} as TReplyInit };
  let json = body;
  if (schema && check) {
    const checked = schema.safeParse(body);
    if (!checked.success) throw new ResponseContractError(checked.error.issues.map((i) => ({ path: i.path.join("."), code: i.code })));
    json = checked.data;
  }
  const res = NextResponse.json(json, { status: init.status, headers: init.headers });
  init.finish?.(res);
  return res;
}

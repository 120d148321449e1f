import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZIsoDate } from "@/lib/http/contract";
import { contractResponse, reply, ResponseContractError } from "@/lib/http/reply";

const ZAnswer = z.object({ id: z.string(), createdAt: ZIsoDate, note: ZIsoDate.nullable() });

describe("contractResponse", () => {
  it("sends the contract's output: dates as ISO strings, unnamed fields left out", async () => {
    const res = contractResponse(ZAnswer, { id: "a", createdAt: new Date("2026-12-06T01:02:03.000Z"), note: null, passwordHash: "secret" }, true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "a", createdAt: "2026-12-06T01:02:03.000Z", note: null });
  });

  it("refuses an answer whose field was renamed, naming the path and not the value", () => {
    const call = () => contractResponse(ZAnswer, { id: "a", created: new Date(), note: null }, true);
    expect(call).toThrow(ResponseContractError);
    expect(call).toThrow(/: createdAt invalid_union$/);
  });

  it("keeps a Reply's status, headers and cookie", async () => {
    const res = contractResponse(ZAnswer, reply({ id: "b", createdAt: "2026-12-06T00:00:00.000Z", note: null }, { status: 409, headers: { "Cache-Control": "no-store" }, finish: (r) => r.cookies.set("lang", "en") }), true);
    expect(res.status).toBe(409);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.cookies.get("lang")?.value).toBe("en");
    expect(await res.json()).toEqual({ id: "b", createdAt: "2026-12-06T00:00:00.000Z", note: null });
  });

  it("without the check sends the answer as it is (production)", async () => {
    const res = contractResponse(ZAnswer, { id: "c", created: "x" }, false);
    expect(await res.json()).toEqual({ id: "c", created: "x" });
  });
});

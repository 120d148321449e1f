import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, openApiPath } from "@/lib/api/openapi";
import { apiRoutes } from "@/lib/testing/app-routes";

const ROOT = path.resolve(__dirname, "../..");
const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const document = openApiDocument(version) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

describe("the OpenAPI document", () => {
  it("describes every route and method under app/api, and nothing else", () => {
    const onDisk = [...apiRoutes()].flatMap(([route, methods]) => methods.map((m) => `${m} ${openApiPath(route)}`)).sort();
    const described = Object.entries(document.paths)
      .flatMap(([route, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${route}`))
      .sort();
    expect(onDisk.length).toBeGreaterThan(60);
    expect(described, "a route without a contract (add it to its domain's contract.ts and lib/api/routes.ts), or a contract without a route").toEqual(onDisk);
  });

  it("gives JSON answers their schema, with dates as strings", () => {
    expect(document.openapi).toBe("3.1.0");
    const members = document.paths["/api/coordinator/studies/{studyId}/members"]!.get!.responses["200"] as { content: Record<string, { schema: { properties: Record<string, { items: { properties: Record<string, unknown> } }> } }> };
    expect(members.content["application/json"]!.schema.properties.members!.items.properties.addedAt).toMatchObject({ type: "string", format: "date-time" });
  });

  it("is the one in docs/openapi.json (run `npm run openapi` after changing a contract)", () => {
    const written = JSON.parse(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8")) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

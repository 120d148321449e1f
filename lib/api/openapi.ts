import { z } from "zod";
import { API_ROUTES } from "@/lib/api/routes";
import { ZErrorBody, type TRouteContract } from "@/lib/http/contract";

type TJson = Record<string, unknown>;

/**
 * Shared definitions (the recursive ones: a code below codes) go to components/schemas, so that
 * their references resolve from the document's root. `prefix` keeps the names of different
 * operations apart.
 */
function json(schema: z.ZodType, io: "input" | "output", components: Record<string, TJson>, prefix: string): TJson {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the dialect is the document's, not each schema's
  const { $schema, $defs, ...root } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as TJson & { $defs?: Record<string, TJson> };
  if (!$defs) return root;
  let text = JSON.stringify(root);
  for (const [name, def] of Object.entries($defs)) {
    const key = `${prefix}_${name}`;
    text = text.replaceAll(`"#/$defs/${name}"`, `"#/components/schemas/${key}"`);
    components[key] = def;
  }
  for (const [key, def] of Object.entries(components)) {
    if (!key.startsWith(`${prefix}_`)) continue;
    let own = JSON.stringify(def);
    for (const name of Object.keys($defs)) own = own.replaceAll(`"#/$defs/${name}"`, `"#/components/schemas/${prefix}_${name}"`);
    components[key] = JSON.parse(own) as TJson;
  }
  return JSON.parse(text) as TJson;
}

/** "/api/quotes/[quoteId]" → "/api/quotes/{quoteId}" ("[...nextauth]" → "{nextauth}"). */
export const openApiPath = (path: string) => path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

function parameters(schema: z.ZodType | undefined, where: "path" | "query", components: Record<string, TJson>, prefix: string): TJson[] {
  if (!schema) return [];
  const { properties = {}, required = [] } = json(schema, "input", components, prefix) as { properties?: Record<string, TJson>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === "path" || required.includes(name), schema: property }));
}

/** "GET /api/quotes/[quoteId]/codes" → "GetQuotesQuoteIdCodes", a name for the operation's shared definitions. */
const prefixOf = (contract: TRouteContract) =>
  [contract.method.toLowerCase(), ...contract.path.split(/[^A-Za-z0-9]+/).filter((p) => p && p !== "api")].map((p) => p[0]!.toUpperCase() + p.slice(1)).join("");

function operation(contract: TRouteContract, components: Record<string, TJson>): TJson {
  const response = contract.response;
  const prefix = prefixOf(contract);
  const ok =
    "safeParse" in response
      ? { description: "OK", content: { "application/json": { schema: json(response, "output", components, `${prefix}Response`) } } }
      : response.kind === "stream"
        ? { description: "Server-sent events", content: { "text/event-stream": { schema: { type: "string" } } } }
        : { description: "A file", content: { [response.contentType]: { schema: { type: "string", format: "binary" } } } };
  return {
    operationId: `${contract.method.toLowerCase()} ${contract.path}`,
    summary: contract.summary,
    tags: [contract.path.split("/")[2] ?? "api"],
    "x-roles": contract.roles,
    ...(contract.roles === "anyone" ? {} : { security: [{ session: [] }] }),
    parameters: [...parameters(contract.params, "path", components, `${prefix}Params`), ...parameters(contract.query, "query", components, `${prefix}Query`)],
    ...(contract.body ? { requestBody: { required: true, content: { "application/json": { schema: json(contract.body, "input", components, `${prefix}Body`) } } } } : {}),
    responses: {
      "200": ok,
      default: { description: "An error (400, 401, 403, 404, 409, 413, 422, 429, 500, 503)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    },
  };
}

/** The OpenAPI 3.1 document of every route, from the same contracts the wrapper and the client use. */
export function openApiDocument(version: string): TJson {
  const paths: Record<string, Record<string, TJson>> = {};
  const schemas: Record<string, TJson> = {};
  for (const contract of API_ROUTES as readonly TRouteContract[]) {
    const entry = (paths[openApiPath(contract.path)] ??= {});
    entry[contract.method.toLowerCase()] = operation(contract, schemas);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Expert Panel API",
      version,
      description: "The JSON API between the app's pages and its server. Written by `npm run openapi` from the route contracts (lib/*/contract.ts); do not edit by hand.",
    },
    paths,
    components: {
      schemas: { Error: json(ZErrorBody, "output", schemas, "Error"), ...schemas },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The signed-in user's session (sign in at /signin, or an expert's invitation link)." } },
    },
  };
}

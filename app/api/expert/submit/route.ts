import { route } from "@/lib/http/handler";
import { submitResponse } from "@/lib/responses/service";

export const POST = route({ roles: ["EXPERT"] }, async ({ actor }) => submitResponse(actor));

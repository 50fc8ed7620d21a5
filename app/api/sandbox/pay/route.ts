import { env } from "@/server/env";
import { readBodyLimited } from "@/server/http/read-body";
import { errorResponse, json, parseInput } from "@/server/http/rest";
import { simulateSandboxPayment } from "@/server/deposits/simulate-payment";

// Sandbox only: behaves as if the route did not exist when SANDBOX is off.
export async function POST(req: Request) {
  if (!env.SANDBOX) return json(404, { success: false, error: "Not found", code: "NOT_FOUND" });
  try {
    const result = await simulateSandboxPayment(parseInput(req, await readBodyLimited(req)));
    return json(200, { success: result.status < 300, webhook_status: result.status, webhook_response: result.body });
  } catch (error) {
    return errorResponse(error);
  }
}

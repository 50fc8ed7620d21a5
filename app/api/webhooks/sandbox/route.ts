import { env } from "@/server/env";
import { json } from "@/server/http/rest";
import { handleProviderWebhook } from "@/server/http/provider-webhooks";

// The sandbox gateway's callback; it does not exist when sandbox mode is off.
export async function POST(req: Request) {
  if (!env.SANDBOX) return json(404, { success: false, error: "Not found", code: "NOT_FOUND" });
  return handleProviderWebhook("sandbox", req);
}

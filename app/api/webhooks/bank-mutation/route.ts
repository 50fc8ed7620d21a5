import { handleBankMutationWebhook } from "@/server/http/provider-webhooks";

export const POST = (req: Request) => handleBankMutationWebhook(req);

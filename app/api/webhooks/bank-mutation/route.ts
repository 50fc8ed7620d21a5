import { handleBankMutationWebhook } from "@/server/webhooks/inbound";

export const POST = (req: Request) => handleBankMutationWebhook(req);

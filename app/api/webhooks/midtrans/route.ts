import { handleProviderWebhook } from "@/server/http/provider-webhooks";

// Midtrans Core API payment notifications (set as the dashboard's Payment Notification URL):
// verified by signature_key, then confirmed with Midtrans' status API before anything changes.
export const POST = (req: Request) => handleProviderWebhook("midtrans", req);

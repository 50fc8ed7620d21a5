import { handlePayoutNotification } from "@/server/http/provider-webhooks";

// Midtrans Payouts (formerly Iris) payout notifications — register this URL as the Payouts
// dashboard's notification endpoint: verified by Iris-Signature = SHA512(raw body + merchant key).
export const POST = (req: Request) => handlePayoutNotification("midtrans", req);

// IAK's prepaid callback (PREPAID_SUPPLIER=iak): register https://<your host>/api/webhooks/iak
// as the callback URL in IAK's developer dashboard. 404 while another supplier is configured.
import { handleIakCallback } from "@/server/http/iak-webhook";

export const POST = (req: Request) => handleIakCallback(req);

import { z } from "zod";
import { getWebhookEndpoint } from "../../webhooks/find-webhook-endpoint";
import { deliveryHealth } from "../../webhooks/get-delivery-health";
import { listDeliveries } from "../../webhooks/list-deliveries";
import { resendEvent } from "../../webhooks/resend-event";
import { rotateWebhookSecret } from "../../webhooks/rotate-webhook-secret";
import { saveWebhookEndpoint } from "../../webhooks/save-webhook-endpoint";
import { sendTestEvent } from "../../webhooks/send-test-event";
import { EVENT_TYPES } from "../../webhooks/outbox";
import { memberProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

export const webhooksRouter = router({
  endpoint: memberProcedure("developer").query(({ ctx }) => getWebhookEndpoint(ctx.merchantId)),
  saveEndpoint: memberProcedure("developer")
    .input(z.object({ url: z.string().trim().min(1).max(2000), eventTypes: z.array(z.string().max(40)).max(20).optional() }))
    .mutation(({ ctx, input }) => saveWebhookEndpoint({ merchantId: ctx.merchantId, ...input, actor: ctx.actor })),
  rotateSecret: memberProcedure("developer").mutation(({ ctx }) => rotateWebhookSecret({ merchantId: ctx.merchantId, actor: ctx.actor })),
  sendTest: memberProcedure("developer")
    .input(z.object({ type: z.enum(EVENT_TYPES).optional() }).optional())
    .mutation(({ ctx, input }) => sendTestEvent(ctx.merchantId, ctx.actor, input?.type)),
  deliveries: memberProcedure("developer")
    .input(pageInput.extend({ type: z.enum(EVENT_TYPES).optional(), status: z.enum(["pending", "delivered", "failed", "skipped"]).optional() }))
    .query(({ ctx, input }) => listDeliveries(ctx.merchantId, input)),
  resend: memberProcedure("developer")
    .input(z.object({ eventId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => resendEvent(ctx.merchantId, input.eventId, ctx.actor)),
  health: memberProcedure("developer").query(({ ctx }) => deliveryHealth(ctx.merchantId)),
});

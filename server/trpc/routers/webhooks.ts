import { z } from "zod";
import { getWebhookEndpoint, rotateWebhookSecret, saveWebhookEndpoint } from "../../webhooks/endpoint-settings";
import { deliveryHealth, listDeliveries, resendEvent, sendTestEvent } from "../../webhooks/manage-events";
import { EVENT_TYPES } from "../../webhooks/outbox";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

const actor = (userId: string) => ({ type: "USER" as const, id: userId });

export const webhooksRouter = router({
  endpoint: merchantProcedure.query(({ ctx }) => getWebhookEndpoint(ctx.merchantId)),
  saveEndpoint: merchantProcedure
    .input(z.object({ url: z.string().trim().min(1).max(2000), eventTypes: z.array(z.string().max(40)).max(20).optional() }))
    .mutation(({ ctx, input }) => saveWebhookEndpoint({ merchantId: ctx.merchantId, ...input, actor: actor(ctx.user.id) })),
  rotateSecret: merchantProcedure.mutation(({ ctx }) => rotateWebhookSecret({ merchantId: ctx.merchantId, actor: actor(ctx.user.id) })),
  sendTest: merchantProcedure
    .input(z.object({ type: z.enum(EVENT_TYPES).optional() }).optional())
    .mutation(({ ctx, input }) => sendTestEvent(ctx.merchantId, actor(ctx.user.id), input?.type)),
  deliveries: merchantProcedure
    .input(pageInput.extend({ type: z.enum(EVENT_TYPES).optional(), status: z.enum(["pending", "delivered", "failed", "skipped"]).optional() }))
    .query(({ ctx, input }) => listDeliveries(ctx.merchantId, input)),
  resend: merchantProcedure
    .input(z.object({ eventId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => resendEvent(ctx.merchantId, input.eventId, actor(ctx.user.id))),
  health: merchantProcedure.query(({ ctx }) => deliveryHealth(ctx.merchantId)),
});

import { z } from "zod";
import { issueConsoleKey } from "../../auth/manage-api-keys";
import { CALLBACKS } from "../../openapi/webhook-schemas";
import { sendTestEvent } from "../../webhooks/manage-events";
import type { EventType } from "../../webhooks/outbox";
import { merchantProcedure, router } from "../init";

export const docsRouter = router({
  /** A fresh sandbox key for the live console (never a live key). */
  consoleKey: merchantProcedure.mutation(({ ctx }) => issueConsoleKey(ctx.merchantId, { type: "USER", id: ctx.user.id })),
  /** Sends the documented sample of a callback type to the merchant's endpoint and returns the answer. */
  sendSampleCallback: merchantProcedure.input(z.object({ type: z.enum(CALLBACKS.map((c) => c.type) as [string, ...string[]]) })).mutation(({ ctx, input }) => {
    const callback = CALLBACKS.find((c) => c.type === input.type)!;
    const example = (callback.schema.meta() as { example?: { data?: Record<string, unknown> } }).example;
    return sendTestEvent(ctx.merchantId, { type: "USER", id: ctx.user.id }, input.type as EventType, example?.data ?? {});
  }),
});

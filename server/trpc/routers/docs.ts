import { z } from "zod";
import { issueConsoleKey } from "../../auth/issue-console-key";
import { AppError } from "../../errors";
import { prepaidSign } from "../../prepaid/authenticate";
import { getPrepaidCredentials } from "../../prepaid/prepaid-credentials";
import { CALLBACKS } from "../../openapi/webhook-schemas";
import { sendTestEvent } from "../../webhooks/send-test-event";
import type { EventType } from "../../webhooks/outbox";
import { memberProcedure, router } from "../init";

export const docsRouter = router({
  /** The prepaid sign for the console, computed with the merchant's own prepaid key, and how. */
  prepaidSign: memberProcedure("developer").input(z.object({ suffix: z.string().max(100) })).mutation(async ({ ctx, input }) => {
    const { username, apiKey } = await getPrepaidCredentials(ctx.merchantId);
    if (!username || !apiKey) throw new AppError("VALIDATION", "Atur nomor HP dan prepaid key di halaman Produk / Set a phone number and prepaid key on the Products page");
    return { username, sign: prepaidSign(username, apiKey, input.suffix), formula: `md5("${username}" + "<api_key>" + "${input.suffix}")` };
  }),
  /** A fresh sandbox key for the live console (never a live key). */
  consoleKey: memberProcedure("developer").mutation(({ ctx }) => issueConsoleKey(ctx.merchantId, ctx.actor)),
  /** Sends the documented sample of a callback type to the merchant's endpoint and returns the answer. */
  sendSampleCallback: memberProcedure("developer").input(z.object({ type: z.enum(CALLBACKS.map((c) => c.type) as [string, ...string[]]) })).mutation(({ ctx, input }) => {
    const callback = CALLBACKS.find((c) => c.type === input.type)!;
    const example = (callback.schema.meta() as { example?: { data?: Record<string, unknown> } }).example;
    return sendTestEvent(ctx.merchantId, ctx.actor, input.type as EventType, example?.data ?? {});
  }),
});

import { z } from "zod";
import { paymentView } from "../../deposits/views";
import { createPaymentLink } from "../../payment-links/create-payment-link";
import { deactivatePaymentLink } from "../../payment-links/deactivate-payment-link";
import { getLinkPaymentForPayer, getPaymentLinkForMerchant, getPaymentLinkForPayer, listPaymentLinks } from "../../payment-links/find-payment-links";
import { DESCRIPTION_MAX } from "../../payment-links/schemas";
import { startLinkPayment } from "../../payment-links/start-link-payment";
import { LINK_METHOD_CODES, linkSummary, PAYMENT_LINK_STATUSES, payerLinkView } from "../../payment-links/views";
import { rupiah } from "../../ledger";
import { memberProcedure, publicProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

const id = z.object({ id: z.string().min(1).max(64) });

export const paymentLinksRouter = router({
  create: memberProcedure("pay_in")
    // `idempotencyKey`: the form's key (a uuid per form, renewed after a success): a double click makes one link.
    .input(
      z.object({
        amount: rupiah.nullish(),
        minAmount: rupiah.nullish(),
        maxAmount: rupiah.nullish(),
        description: z.string().trim().min(1).max(DESCRIPTION_MAX),
        expiresAt: z.date().nullish(),
        singleUse: z.boolean(),
        idempotencyKey: z.string().uuid(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const link = await createPaymentLink({ ...input, merchantId: ctx.merchantId, actor: ctx.actor, idempotencyKey: `portal:${input.idempotencyKey}` });
      return { id: link.id };
    }),
  list: memberProcedure("view")
    .input(pageInput.extend({ status: z.enum(PAYMENT_LINK_STATUSES).optional() }))
    .query(({ ctx, input }) => listPaymentLinks(ctx.merchantId, input)),
  get: memberProcedure("view").input(id.extend({ page: pageInput.shape.page })).query(async ({ ctx, input }) => {
    const { link, totals, payments } = await getPaymentLinkForMerchant(ctx.merchantId, input.id, { page: input.page, pageSize: 20 });
    return { link: linkSummary(link, totals), payments };
  }),
  deactivate: memberProcedure("pay_in").input(id).mutation(async ({ ctx, input }) => {
    const link = await deactivatePaymentLink({ merchantId: ctx.merchantId, id: input.id, actor: ctx.actor });
    return { id: link.id, status: link.status };
  }),
  /** The payer's page (/l/<id>, no login): what the link asks. Public: the id is the secret. */
  forPayer: publicProcedure.input(id).query(async ({ input }) => {
    const { link, merchantName } = await getPaymentLinkForPayer(input.id);
    return payerLinkView(link, merchantName);
  }),
  /** A payment of this link as the payment panel shows it (the payer's page after choosing a method). */
  payment: publicProcedure.input(id.extend({ paymentId: z.string().min(1).max(64) })).query(async ({ input }) => {
    const { deposit, merchantName } = await getLinkPaymentForPayer(input.id, input.paymentId);
    return paymentView(deposit, merchantName);
  }),
  /** The payer picks QRIS or a VA (and, for an open link, the amount): the deposit to pay. */
  startPayment: publicProcedure
    .input(id.extend({ method: z.enum(LINK_METHOD_CODES), amount: rupiah.nullish(), payerKey: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      const deposit = await startLinkPayment({ linkId: input.id, method: input.method, amount: input.amount, payerKey: input.payerKey, actor: { type: "SYSTEM", id: `payer:${ctx.ip ?? "unknown"}` } });
      return { paymentId: deposit.id };
    }),
});

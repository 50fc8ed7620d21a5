// Which callback a deposit's transition sends: invoices speak seed 003's words, top-ups seed 000's.
import type { Deposit, Tx } from "../db";
import { enqueueEvent, type EventType } from "../webhooks/outbox";
import { depositEventData } from "./views";

type Transition = "paid" | "expired" | "failed";

const TYPES: Record<string, Record<Transition, EventType>> = {
  invoice: { paid: "invoice.paid", expired: "invoice.expired", failed: "invoice.expired" },
  topup: { paid: "topup.success", expired: "topup.expired", failed: "topup.failed" },
};

export async function enqueueDepositEvent(tx: Tx, deposit: Deposit, transition: Transition) {
  const type = (TYPES[deposit.channel] ?? TYPES.topup!)[transition];
  return enqueueEvent(tx, { merchantId: deposit.merchantId, type, data: depositEventData(deposit, transition === "failed") });
}

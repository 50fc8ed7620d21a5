// The provider registry: the one place that picks an adapter from configuration
// (PAYMENT_PROVIDER, PAYOUT_PROVIDER, PREPAID_SUPPLIER). Domain use cases call these functions
// and never import an adapter themselves.
import { env, iakEnv, type Env } from "../env";
import { AppError } from "../errors";
import { midtransDepositProvider } from "./midtrans/deposits";
import { midtransDirectDebitProvider } from "./midtrans/direct-debit";
import { sandboxProvider, sendSandboxPayment } from "./sandbox";
import { sandboxDirectDebitProvider } from "./sandbox/direct-debit";
import { sandboxPayoutProvider } from "./sandbox/payout";
import { midtransPayoutProvider } from "./midtrans-payouts/payout-provider";
import { createIakSupplier } from "./iak/prepaid-supplier";
import { sandboxPrepaidSupplier } from "./sandbox/prepaid-supplier";
import type { DepositProvider, DirectDebitProvider, HealthCheck, PayoutProvider, PrepaidSupplier, WebhookTransport } from "./types";

const DEPOSIT_PROVIDERS: Record<Env["PAYMENT_PROVIDER"], DepositProvider> = { sandbox: sandboxProvider, midtrans: midtransDepositProvider };
const DIRECT_DEBIT_PROVIDERS: Record<Env["PAYMENT_PROVIDER"], (transport?: WebhookTransport) => DirectDebitProvider> = {
  sandbox: sandboxDirectDebitProvider,
  midtrans: () => midtransDirectDebitProvider,
};
const PAYOUT_PROVIDERS: Record<Env["PAYOUT_PROVIDER"], PayoutProvider> = { sandbox: sandboxPayoutProvider, midtrans: midtransPayoutProvider };
const PREPAID_SUPPLIERS: Record<Env["PREPAID_SUPPLIER"], PrepaidSupplier> = {
  sandbox: sandboxPrepaidSupplier,
  iak: createIakSupplier({ username: iakEnv.IAK_USERNAME, apiKey: iakEnv.IAK_API_KEY, apiUrl: iakEnv.IAK_API_URL, timeoutMs: iakEnv.IAK_TIMEOUT_MS }),
};

/** The provider that issues VA and QRIS charges. */
export function depositProvider(): DepositProvider {
  return DEPOSIT_PROVIDERS[env.PAYMENT_PROVIDER];
}

/** A deposit provider by its name, as its webhook route names it. */
export function providerByName(name: string): DepositProvider {
  if (!Object.hasOwn(DEPOSIT_PROVIDERS, name)) throw new AppError("NOT_FOUND", `Unknown provider ${name}`);
  return DEPOSIT_PROVIDERS[name as Env["PAYMENT_PROVIDER"]];
}

/**
 * The payment provider's direct debit (auto top-up). Its result arrives as a payment callback;
 * `transport` lets a test deliver that callback without HTTP.
 */
export function directDebitProvider(transport?: WebhookTransport): DirectDebitProvider {
  return DIRECT_DEBIT_PROVIDERS[env.PAYMENT_PROVIDER](transport);
}

/** The provider that sends withdrawals. */
export function payoutProvider(): PayoutProvider {
  return PAYOUT_PROVIDERS[env.PAYOUT_PROVIDER];
}

/** A payout provider by its name (PAYOUT_PROVIDER's value, also the adapter's `name`), as its notification route names it. */
export function payoutProviderByName(name: string): PayoutProvider {
  if (!Object.hasOwn(PAYOUT_PROVIDERS, name)) throw new AppError("NOT_FOUND", `Unknown payout provider ${name}`);
  return PAYOUT_PROVIDERS[name as Env["PAYOUT_PROVIDER"]];
}

/** The supplier that fills prepaid orders. */
export function prepaidSupplier(): PrepaidSupplier {
  return PREPAID_SUPPLIERS[env.PREPAID_SUPPLIER];
}

/** Sandbox mode's "a payer paid": the sandbox gateway's signed callback to Saldo's own webhook route. */
export const sendSimulatedPayment = sendSandboxPayment;

/** What `npm run doctor` asks: each configured adapter's own authenticated check, if it has one. */
export function providerHealthChecks(): { role: string; provider: string; run: HealthCheck }[] {
  const adapters: [string, { name: string; healthCheck?: HealthCheck }][] = [
    ["deposits", depositProvider()],
    ["payouts", payoutProvider()],
    ["prepaid supplier", prepaidSupplier()],
  ];
  return adapters.map(([role, adapter]) => ({
    role,
    provider: adapter.name,
    run: adapter.healthCheck ?? (async () => (adapter.name === "sandbox" ? "sandbox, answers inside Saldo" : "no check available")),
  }));
}

import { useTranslations } from "next-intl";
import { Badge, type Tone } from "./ui";

// Every record's state as a badge: one colour per state (pending amber, paid/success green,
// expired/rejected/failed grey or red), its label from the messages, and `data-status` for tests.
// A state the map does not know shows as the kind's first state.
const KINDS = {
  deposit: { messages: "deposits.status", testId: "deposit-status", tones: { pending: "amber", paid: "green", expired: "grey" } },
  withdrawal: { messages: "withdrawals.status", testId: "withdrawal-status", tones: { pending: "amber", processing: "blue", sending: "blue", unknown: "amber", success: "green", rejected: "red" } },
  order: { messages: "prepaid.status", testId: "prepaid-status", tones: { PROCESS: "amber", SUCCESS: "green", FAILED: "red" } },
  delivery: { messages: "webhooks.status", testId: undefined, tones: { pending: "amber", sending: "amber", delivered: "green", failed: "red", skipped: "grey" } },
  bankMutation: { messages: "adminDeposits.status", testId: undefined, tones: { other: "grey", unmatched: "amber", matched: "green", assigned: "blue" } },
  mandate: { messages: "treasury.mandateStatus", testId: undefined, tones: { pending_otp: "amber", active: "green", paused: "grey", revoked: "grey", failing: "red" } },
  merchant: { messages: "admin.status", testId: undefined, tones: { SUSPENDED: "red", ACTIVE: "green" } },
  apiKey: { messages: "developers.keys.status", testId: undefined, tones: { active: "green", revoked: "grey" } },
  mail: { messages: "mailLog.status", testId: "mail-status", tones: { pending: "amber", sending: "blue", sent: "green", kept: "grey", failed: "red" } },
} satisfies Record<string, { messages: string; testId: string | undefined; tones: Record<string, Tone> }>;

export type StatusKind = keyof typeof KINDS;

/** The prepaid order states by number, as IAK numbers them: 0 PROCESS, 1 SUCCESS, 2 FAILED. */
export function orderStatusName(status: number): "PROCESS" | "SUCCESS" | "FAILED" {
  return status === 1 ? "SUCCESS" : status === 2 ? "FAILED" : "PROCESS";
}

export function StatusBadge({ kind, status, testId }: { kind: StatusKind; status: string; testId?: string }) {
  const { messages, tones, ...config } = KINDS[kind];
  const t = useTranslations(messages);
  const known = status in tones ? status : Object.keys(tones)[0]!;
  return (
    <Badge tone={tones[known as keyof typeof tones] as Tone}>
      <span data-testid={testId ?? config.testId} data-status={known}>
        {t(known)}
      </span>
    </Badge>
  );
}

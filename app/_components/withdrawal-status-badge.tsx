import { useTranslations } from "next-intl";
import { Badge } from "./ui";

// One colour per state: pending amber, processing blue, success green, rejected red.
const TONES = { pending: "amber", processing: "blue", success: "green", rejected: "red" } as const;
type Known = keyof typeof TONES;

export function WithdrawalStatusBadge({ status }: { status: string }) {
  const t = useTranslations("withdrawals.status");
  const known: Known = status === "processing" || status === "success" || status === "rejected" ? status : "pending";
  return (
    <Badge tone={TONES[known]}>
      <span data-testid="withdrawal-status" data-status={known}>
        {t(known)}
      </span>
    </Badge>
  );
}

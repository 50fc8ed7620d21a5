import { useTranslations } from "next-intl";
import { Badge } from "./ui";

const TONES = { pending: "amber", paid: "green", expired: "grey" } as const;

export function DepositStatusBadge({ status }: { status: string }) {
  const t = useTranslations("deposits.status");
  const known = status === "paid" || status === "expired" ? status : "pending";
  return (
    <Badge tone={TONES[known]}>
      <span data-testid="deposit-status" data-status={known}>
        {t(known)}
      </span>
    </Badge>
  );
}

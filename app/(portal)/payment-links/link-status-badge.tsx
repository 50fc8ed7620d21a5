import { useTranslations } from "next-intl";
import { Badge, type Tone } from "../../_components/ui";

// One colour per link state, as every badge: active green, completed blue, expired grey, inactive red.
const TONES: Record<string, Tone> = { active: "green", completed: "blue", expired: "grey", inactive: "red" };

export function LinkStatusBadge({ status }: { status: string }) {
  const t = useTranslations("paymentLinks.status");
  const known = status in TONES ? status : "active";
  return (
    <Badge tone={TONES[known]!}>
      <span data-testid="link-status" data-status={known}>
        {t(known)}
      </span>
    </Badge>
  );
}

/** "Rp 150.000", or "Rp 10.000 – Rp 1.000.000" for an open amount. */
export function linkAmountText(link: { amount: bigint | null; minAmount: bigint | null; maxAmount: bigint | null }, format: (v: bigint) => string, range: (min: string, max: string) => string) {
  if (link.amount !== null) return format(link.amount);
  return range(format(link.minAmount ?? 0n), format(link.maxAmount ?? 0n));
}

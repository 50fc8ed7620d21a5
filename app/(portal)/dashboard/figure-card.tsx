// One figure above the charts with its change against the period before it.
import { formatRupiah, formatSignedRupiah } from "@/lib/format";
import { Card } from "../../_components/ui";

export function FigureCard({
  label,
  value,
  previous,
  compare,
  noChange,
  detail,
  testId,
  muted = false,
}: {
  label: string;
  value: bigint;
  previous: bigint;
  /** The change sentence, given the signed change as text. */
  compare: (change: string) => string;
  noChange: string;
  detail?: string;
  testId: string;
  muted?: boolean;
}) {
  const change = value - previous;
  const tone = change > 0n ? "text-emerald-700" : change < 0n ? "text-rose-700" : "text-slate-500";
  return (
    <Card className="p-4">
      <h2 className="text-sm font-medium text-slate-500">{label}</h2>
      <p className={`tabular mt-1.5 text-2xl font-semibold ${muted ? "text-slate-700" : ""}`} data-testid={testId}>
        {formatRupiah(value)}
      </p>
      <p className={`mt-1 text-xs ${tone}`} data-testid={`${testId}-change`}>
        {compare(change === 0n ? noChange : formatSignedRupiah(change))}
      </p>
      {detail && <p className="mt-0.5 text-xs text-slate-500">{detail}</p>}
    </Card>
  );
}

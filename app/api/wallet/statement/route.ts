import { getSession } from "@/server/auth/options";
import { json } from "@/server/http/rest";
import { statementCsv, walletStatement } from "@/server/treasury/statements";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** CSV of the wallet ledger for a period. A merchant gets its own; an admin passes ?merchantId=. */
export async function GET(req: Request) {
  const session = await getSession();
  if (!session?.user) return json(401, { success: false, error: "Silakan masuk / Please sign in", code: "UNAUTHORIZED" });
  const params = new URL(req.url).searchParams;
  const merchantId = session.user.role === "ADMIN" ? params.get("merchantId") : session.user.merchantId;
  if (!merchantId) return json(400, { success: false, error: "merchantId wajib / merchantId is required", code: "VALIDATION" });
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  if ((from && !DAY.test(from)) || (to && !DAY.test(to))) return json(400, { success: false, error: "Tanggal harus YYYY-MM-DD / Dates must be YYYY-MM-DD", code: "VALIDATION" });
  const csv = statementCsv(await walletStatement(merchantId, { from, to }));
  const name = `saldo-statement-${from ?? "start"}-${to ?? "now"}.csv`;
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
}

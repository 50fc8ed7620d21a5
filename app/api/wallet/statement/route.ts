import { getSession } from "@/server/auth/options";
import { resolveActiveMembership } from "@/server/auth/resolve-membership";
import { errorResponse, json } from "@/server/http/rest";
import { statementCsv, walletStatement } from "@/server/treasury/statements";
import { isWibDate } from "@/lib/wib-date";

const invalid = (error: string) => json(400, { success: false, error, code: "VALIDATION" });

/** CSV of the wallet ledger for a period. A merchant gets its own; an admin passes ?merchantId=. */
export async function GET(req: Request) {
  try {
    const session = await getSession();
    if (!session?.user) return json(401, { success: false, error: "Silakan masuk / Please sign in", code: "UNAUTHORIZED" });
    const params = new URL(req.url).searchParams;
    // A member gets the statement of the merchant they act for now (every role may view it).
    const merchantId = session.user.role === "ADMIN" ? params.get("merchantId") : (await resolveActiveMembership(session.user.id))?.merchantId;
    if (!merchantId || merchantId.length > 64) return invalid("merchantId wajib / merchantId is required");
    const from = params.get("from") ?? undefined;
    const to = params.get("to") ?? undefined;
    // A real calendar day, not only its shape: 2024-13-45 used to reach the database and answer 500.
    if ((from !== undefined && !isWibDate(from)) || (to !== undefined && !isWibDate(to))) {
      return invalid("Tanggal harus YYYY-MM-DD yang valid / Dates must be valid YYYY-MM-DD days");
    }
    const csv = statementCsv(await walletStatement(merchantId, { from, to }));
    const name = `saldo-statement-${from ?? "start"}-${to ?? "now"}.csv`;
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
  } catch (error) {
    // The error envelope; an unexpected failure is logged and answered without its detail.
    return errorResponse(error);
  }
}

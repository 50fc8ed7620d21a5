// "Download PDF" of a receipt: the signed-in merchant's own, drawn on the server. The lookup goes
// through the tRPC caller, so the same session checks (suspended, demoted) and the same
// ownership rule (another merchant's receipt is not found) apply as on the receipt page.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { errorResponse, json } from "@/server/http/rest";
import { renderReceiptPdf } from "@/server/receipts/render-receipt-pdf";
import { createTrpcContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

const CODES: Record<number, string> = { 400: "VALIDATION", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND" };

export async function GET(req: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  try {
    const caller = createCaller(await createTrpcContext({ headers: req.headers }));
    const receipt = await caller.receipts.get({ kind: kind as "deposit", id });
    const pdf = await renderReceiptPdf(receipt);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="bukti-saldo-${receipt.kind}-${receipt.id}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      const status = getHTTPStatusCodeFromError(error);
      // zod's issue list is for forms; a bad kind or id in a URL is simply not a receipt.
      if (status === 400) return json(404, { success: false, error: "Bukti tidak ditemukan / Receipt not found", code: "NOT_FOUND" });
      return json(status, { success: false, error: error.message, code: CODES[status] ?? "VALIDATION" });
    }
    // Anything else is logged and answered without its detail.
    return errorResponse(error);
  }
}

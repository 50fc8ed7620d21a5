import { depositQrImage } from "@/server/deposits/qr-image";
import { clientIp } from "@/server/http/client-ip";
import { requestLimiters } from "@/server/http/request-rate-limits";
import { errorResponse } from "@/server/http/rest";

/** GET /api/v1/invoice/{id}/qr.png and …/qr.svg: the invoice's QRIS as an image, public (the id is unguessable). */
export function qrImageRoute(format: "png" | "svg") {
  return async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
    try {
      // Public, so limited per IP (RATE_LIMIT_PUBLIC_PER_MINUTE).
      await requestLimiters().admitPublicRequest(clientIp(req.headers));
      const image = await depositQrImage((await params).id.slice(0, 64), format);
      return new Response(image.body, { headers: { "content-type": image.type, "cache-control": "public, max-age=3600" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

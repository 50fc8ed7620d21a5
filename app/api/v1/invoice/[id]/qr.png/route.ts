import { depositQrImage } from "@/server/deposits/qr-image";
import { errorResponse } from "@/server/http/rest";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const image = await depositQrImage((await params).id.slice(0, 64), "png");
    return new Response(image.body, { headers: { "content-type": image.type, "cache-control": "public, max-age=3600" } });
  } catch (error) {
    return errorResponse(error);
  }
}

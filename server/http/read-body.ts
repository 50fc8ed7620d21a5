// Request bodies are read through here, never with `req.text()`: a body above MAX_BODY_BYTES is
// refused with 413 (AppError PAYLOAD_TOO_LARGE) before it is read. A declared Content-Length is
// checked first; a chunked body is read with a running count and the stream is cancelled at the
// first byte past the limit, so nobody can make the server hold more than the limit in memory.
import { edgeEnv } from "../env";
import { AppError } from "../errors";

export function bodyTooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `Body terlalu besar (maks. ${limit} byte) / Request body too large (max ${limit} bytes)`, { limit });
}

/** True when the request announces a body larger than `limit` in its Content-Length. */
export function declaresTooLarge(req: Request, limit: number = edgeEnv.MAX_BODY_BYTES): boolean {
  const declared = req.headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > limit;
}

/** The body's bytes, at most `limit` of them; throws PAYLOAD_TOO_LARGE past that. */
export async function readBodyBytesLimited(req: Request, limit: number = edgeEnv.MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresTooLarge(req, limit)) {
    await req.body?.cancel().catch(() => undefined);
    throw bodyTooLarge(limit);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text (UTF-8, a leading BOM dropped, as `req.text()` decodes it); throws PAYLOAD_TOO_LARGE past `limit` bytes. */
export async function readBodyLimited(req: Request, limit: number = edgeEnv.MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytesLimited(req, limit));
}

// The benchmark's baseline: the smallest useful Next.js route handler, a small JSON answer.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ success: true, balance: 1000000, pending: 0 });
}

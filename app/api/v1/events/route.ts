import { z } from "zod";
import { apiRoute, parseWith } from "@/server/http/rest";
import { listEventsAfter } from "@/server/webhooks/list-events-after";

const query = z.object({
  after: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number({ message: "limit harus angka / limit must be a number" }).int().min(1).max(100).default(50),
});

/** Polling fallback: the merchant's events in commit order (`seq`), the same bodies the callbacks carry; samples left out. */
export const GET = apiRoute(async ({ caller, input }) => {
  const { after, limit } = parseWith(query, input);
  const events = await listEventsAfter(caller.merchantId, { after, limit });
  const data = events.map((e) => ({
    id: e.id,
    seq: e.seq,
    type: e.type,
    created_at: e.createdAt.toISOString(),
    data: JSON.parse(e.data) as unknown,
    delivery_status: e.status,
  }));
  return { body: { success: true, data, next_after: data.at(-1)?.id ?? after ?? null, has_more: data.length === limit } };
});

// Issue 13.15: GET /api/v1/events pages by a per-merchant sequence given out in commit order, and
// samples (Send test event, the docs console) stay out of it.
import { afterEach, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { createKey, createMerchant } from "../../tests/helpers/fixtures";
import { startReceiver } from "../../tests/helpers/receiver";
import { db, engine, type OutboxEvent, transaction } from "../db";
import { listEventsAfter } from "./list-events-after";
import { enqueueEvent } from "./outbox";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";
import { sendTestEvent } from "./send-test-event";

const actor = { type: "SYSTEM" as const };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const label = (e: OutboxEvent) => (JSON.parse(e.data) as { label: string }).label;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`events feed on ${engine}`, () => {
  it("13.15 an event whose transaction started first but commits last is not lost behind a cursor the client already passed", async () => {
    const { merchantId } = await createMerchant();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstWritten!: () => void;
    const written = new Promise<void>((r) => (firstWritten = r));

    // The earlier transaction writes its event, then stays open (a slow business transaction).
    const early = transaction(async (tx) => {
      await enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { label: "early" } });
      firstWritten();
      await gate;
    });
    await written;
    await sleep(20);
    // A later transaction writes another event and tries to commit at once.
    const late = transaction((tx) => enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { label: "late" } }));
    await Promise.race([late, sleep(300)]);

    // A client polls while the early transaction is still open, and keeps its cursor.
    const seen: OutboxEvent[] = [];
    let cursor: string | undefined;
    const poll = async () => {
      const page = await listEventsAfter(merchantId, { after: cursor, limit: 100 });
      seen.push(...page);
      if (page.length) cursor = page.at(-1)!.id;
    };
    await poll();

    release();
    await Promise.all([early, late]);
    await poll();
    expect(seen.map(label)).toEqual(["early", "late"]);
    expect(seen.map((e) => e.seq)).toEqual([1, 2]);
  });

  it("13.15 samples from Send test event and the docs console are marked test: true and kept out of the feed", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const { merchantId } = await createMerchant();
    await saveWebhookEndpoint({ merchantId, url: receiver.url, actor });
    const real = await transaction((tx) => enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { label: "real" } }));
    const ping = await sendTestEvent(merchantId, actor); // "Send test event": webhook.test
    const sample = await sendTestEvent(merchantId, actor, "invoice.paid", { invoice_id: "inv_sample", status: "Success" }); // the docs console's sample callback
    expect(receiver.received).toHaveLength(2); // samples are still delivered…
    const rows = await db.outboxEvent.findMany({ where: { id: { in: [ping.eventId, sample.eventId] } } });
    expect(rows.map((r) => r.test)).toEqual([true, true]);
    expect(await listEventsAfter(merchantId, { limit: 100 })).toEqual([expect.objectContaining({ id: real.id })]); // …but never in the feed
    // A cursor taken from a sample's webhook-id still works.
    const later = await transaction((tx) => enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { label: "later" } }));
    expect((await listEventsAfter(merchantId, { after: sample.eventId, limit: 100 })).map((e) => e.id)).toEqual([later.id]);
  });

  it("13.15 over REST: items carry seq, next_after stays an event id, and after also takes a seq", async () => {
    const { merchantId } = await createMerchant();
    const other = await createMerchant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await transaction((tx) => enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { label: `e${i}` } }))).id);
      await transaction((tx) => enqueueEvent(tx, { merchantId: other.merchantId, type: "invoice.paid", data: { label: "other" } }));
    }
    const key = await createKey(merchantId);
    const call = async (query: string) => {
      const res = await eventsRoute.GET(new Request(`http://localhost/api/v1/events${query}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
      return { status: res.status, json: (await res.json()) as { data: { id: string; seq: number }[]; next_after: string; has_more: boolean } };
    };
    const first = await call("?limit=2");
    expect(first.json.data.map((e) => [e.id, e.seq])).toEqual([
      [ids[0], 1],
      [ids[1], 2],
    ]);
    expect(first.json.next_after).toBe(ids[1]);
    const byId = await call(`?after=${first.json.next_after}&limit=10`);
    const bySeq = await call(`?after=2&limit=10`);
    expect(byId.json.data.map((e) => e.id)).toEqual(ids.slice(2));
    expect(bySeq.json.data).toEqual(byId.json.data);
    expect(byId.json.has_more).toBe(false);
    expect((await call(`?after=${ids[4]}`)).json.data).toEqual([]);
  });
});

// Issue 13, item 14: seed 002 signs only the ref_id, so the first request with a ref_id binds it
// to its product and customer even when it is refused, and a captured sign cannot buy anything
// else; and the prepaid API's optional IP allow-list (rc 102). Through the route handlers with real
// Requests, against a real database (SQLite, and PostgreSQL with TEST_POSTGRES_URL).
import { createHash, randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import * as checkBalanceRoute from "@/app/api/prepaid/check-balance/route";
import * as checkStatusRoute from "@/app/api/prepaid/check-status/route";
import * as topUpRoute from "@/app/api/prepaid/top-up/route";
import { db, engine } from "@/server/db";
import { balanceOf } from "@/server/ledger";
import { buyPrepaidProduct } from "@/server/prepaid/buy-product";
import { setPrepaidIpAllowlist } from "@/server/prepaid/set-prepaid-ip-allowlist";
import { updatePrepaidProduct } from "@/server/prepaid/update-product";
import { createCaller } from "@/server/trpc/root";
import { createPrepaidMerchant, fund } from "./helpers/fixtures";

type Data = Record<string, unknown>;
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

function client(username: string, apiKey: string, from = "198.51.100.20") {
  const sign = (signed: string) => md5(username + apiKey + signed);
  const post = async (route: { POST: (req: Request) => Promise<Response> }, path: string, fields: Record<string, string>, ip = from) => {
    const res = await route.POST(
      new Request(`http://localhost/api/prepaid/${path}`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(fields) }),
    );
    return { status: res.status, data: ((await res.json()) as { data: Data }).data };
  };
  return {
    topUp: (ref_id: string, product_code: string, customer_id: string, ip?: string) => post(topUpRoute, "top-up", { username, ref_id, customer_id, product_code, sign: sign(ref_id) }, ip),
    checkStatus: (ref_id: string, ip?: string) => post(checkStatusRoute, "check-status", { username, ref_id, sign: sign(ref_id) }, ip),
    checkBalance: (ip?: string) => post(checkBalanceRoute, "check-balance", { username, sign: sign("bl") }, ip),
  };
}

async function setup(balance: number) {
  const m = await createPrepaidMerchant();
  if (balance) await fund(m.merchantId, balance);
  return { ...m, iak: client(m.username, m.apiKey) };
}

const bought = (merchantId: string) => db.prepaidOrder.count({ where: { merchantId, holdId: { not: null } } });

describe(`13.14 prepaid ref_id binding on ${engine}`, () => {
  it("13.14 a top-up refused for the balance binds its ref_id: the captured sign cannot buy another product or number later (rc 201)", async () => {
    const { iak, merchantId } = await setup(0);
    const refused = await iak.topUp("ord-bind-1", "xld25000", "0817777215");
    expect(refused.data).toMatchObject({ ref_id: "ord-bind-1", status: 2, rc: "17", message: "INSUFFICIENT DEPOSIT", price: 25_000, balance: 0 });

    await fund(merchantId, 500_000);
    const otherProduct = await iak.topUp("ord-bind-1", "xld50000", "0817777215");
    expect(otherProduct.data).toEqual({ ref_id: "ord-bind-1", product_code: "xld50000", customer_id: "0817777215", message: "DUPLICATE REF ID WITH DIFFERENT BODY", balance: 500_000, rc: "201" });
    const otherNumber = await iak.topUp("ord-bind-1", "xld25000", "0818888888");
    expect(otherNumber.data).toMatchObject({ rc: "201" });
    // The same request again is a status check of the refusal: nothing is bought.
    const repeat = await iak.topUp("ord-bind-1", "xld25000", "0817777215");
    expect(repeat.data).toMatchObject({ ref_id: "ord-bind-1", status: 2, rc: "17", message: "INSUFFICIENT DEPOSIT", balance: 500_000 });
    expect((await iak.checkStatus("ord-bind-1")).data).toMatchObject({ ref_id: "ord-bind-1", status: 2, rc: "17", product_code: "xld25000", customer_id: "0817777215" });

    expect(await bought(merchantId)).toBe(0);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 500_000n, held: 0n });
  });

  it("13.14 every refusal after authentication binds its ref_id (rc 20, 106, 14, 16), each to what it asked for", async () => {
    const { iak, merchantId } = await setup(500_000);
    await updatePrepaidProduct({ code: "hsmart5000", active: false, actor: { type: "SYSTEM" } });
    const cases: [string, string, string, string][] = [
      ["bind-20", "nosuchproduct", "0817777215", "20"],
      ["bind-106", "hsmart5000", "08811234567", "106"],
      ["bind-14", "htelkomsel10000", "0812", "14"],
      ["bind-16", "htelkomsel10000", "0817777215", "16"],
    ];
    for (const [ref, product, customer, rc] of cases) {
      expect((await iak.topUp(ref, product, customer)).data, ref).toMatchObject({ status: 2, rc });
      // A valid, sellable purchase under the refused ref_id: refused as another body.
      expect((await iak.topUp(ref, "xld25000", "0817777215")).data, ref).toMatchObject({ rc: "201" });
      expect((await iak.topUp(ref, product, customer)).data, ref).toMatchObject({ status: 2, rc });
    }
    await updatePrepaidProduct({ code: "hsmart5000", active: true, actor: { type: "SYSTEM" } });
    expect((await iak.topUp("bind-106", "hsmart5000", "08811234567")).data).toMatchObject({ status: 2, rc: "106" });
    expect(await bought(merchantId)).toBe(0);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 500_000n, held: 0n });
  });

  it("13.14 a refused and a valid request racing for one ref_id: at most one buys, and only what the ref_id was bound to", async () => {
    for (let round = 0; round < 3; round++) {
      const { iak, merchantId } = await setup(100_000);
      const ref = `race-${round}`;
      const answers = await Promise.all([iak.topUp(ref, "htelkomsel10000", "0817777215"), iak.topUp(ref, "xld25000", "0817777215")]);
      const rcs = answers.map((a) => String(a.data.rc)).sort();
      // Whichever came first bound the ref_id; the other is rc 201.
      expect([["16", "201"], ["201", "39"]]).toContainEqual(rcs);
      expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(1);
      expect(await bought(merchantId)).toBe(rcs.includes("39") ? 1 : 0);
    }
  });

  it("13.14 the portal's buy form: a refusal binds its token's ref_id, so the form must use a fresh token for the next try", async () => {
    const m = await createPrepaidMerchant();
    const actor = { type: "USER" as const, id: m.userId };
    const clientRef = randomUUID().replace(/-/g, "");
    expect(await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "xld25000", customerId: "0817777215", clientRef, actor })).toMatchObject({ ok: false, rc: "17" });
    await fund(m.merchantId, 100_000);
    expect(await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "xld50000", customerId: "0817777215", clientRef, actor })).toMatchObject({ ok: false, code: "DUPLICATE_REF" });
    expect(await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "xld25000", customerId: "0817777215", clientRef: randomUUID().replace(/-/g, ""), actor })).toMatchObject({ ok: true, status: 0 });
  });
});

describe(`13.14 prepaid IP allow-list on ${engine}`, () => {
  it("13.14 with an allow-list, a right sign from another address is rc 102 and buys nothing; from a listed address it works; empty = any", async () => {
    const { iak, merchantId, username, apiKey } = await setup(100_000);
    expect((await iak.checkBalance("203.0.113.99")).data).toMatchObject({ rc: "00" });

    await setPrepaidIpAllowlist({ merchantId, ipAllowlist: "198.51.100.20, 2001:db8:0:0::1", actor: { type: "SYSTEM" } });
    const elsewhere = await iak.topUp("ip-1", "xld25000", "0817777215", "203.0.113.99");
    expect(elsewhere).toEqual({ status: 200, data: { ref_id: "ip-1", message: "INVALID IP ADDRESS", rc: "102" } });
    expect((await iak.checkBalance("203.0.113.99")).data).toEqual({ message: "INVALID IP ADDRESS", rc: "102" });
    expect((await iak.checkStatus("ip-1", "203.0.113.99")).data).toMatchObject({ rc: "102" });
    expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(0);
    // A wrong sign is still rc 204, from anywhere: the address check never tells a stranger more.
    const stranger = client(username, "not-the-key");
    expect((await stranger.checkBalance("203.0.113.99")).data).toMatchObject({ rc: "204" });

    expect((await iak.topUp("ip-1", "xld25000", "0817777215", "198.51.100.20")).data).toMatchObject({ rc: "39", status: 0 });
    expect((await iak.checkBalance("2001:db8::1")).data).toMatchObject({ rc: "00", balance: 75_000 });

    await setPrepaidIpAllowlist({ merchantId, ipAllowlist: "", actor: { type: "SYSTEM" } });
    expect((await client(username, apiKey).checkBalance("203.0.113.99")).data).toMatchObject({ rc: "00" });
  });

  it("13.14 the merchant sets the allow-list from the Products page (tRPC), checked and shown back", async () => {
    const m = await createPrepaidMerchant();
    const session = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "en" }, expires: new Date(Date.now() + 3_600_000).toISOString() } as Session;
    const caller = createCaller({ session, ip: "203.0.113.41" });
    expect(await caller.prepaid.setIpAllowlist({ ipAllowlist: "198.51.100.7 198.51.100.8,198.51.100.7" })).toEqual({ ipAllowlist: "198.51.100.7,198.51.100.8" });
    expect((await caller.prepaid.credentials()).ipAllowlist).toBe("198.51.100.7,198.51.100.8");
    await expect(caller.prepaid.setIpAllowlist({ ipAllowlist: "not-an-ip" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.prepaid.setIpAllowlist({ ipAllowlist: " " })).toEqual({ ipAllowlist: null });
  });
});

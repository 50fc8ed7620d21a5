// The IAK-compatible prepaid API, through its route handlers with real Requests, in JSON and in
// XML, signed exactly as seed 002 shows: sign = md5(username + api_key + ref_id) in hex.
import { createHash } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import * as checkBalanceRoute from "@/app/api/prepaid/check-balance/route";
import * as checkStatusRoute from "@/app/api/prepaid/check-status/route";
import * as inquiryPlnRoute from "@/app/api/prepaid/inquiry-pln/route";
import * as pricelistRoute from "@/app/api/prepaid/pricelist/route";
import * as topUpRoute from "@/app/api/prepaid/top-up/route";
import { db, engine, transaction } from "@/server/db";
import { balanceOf, verifyInvariants } from "@/server/ledger";
import { completeDuePrepaidOrders } from "@/server/prepaid/complete-orders";
import { updatePrepaidProduct } from "@/server/prepaid/update-product";
import { createPrepaidMerchant, fund } from "./helpers/fixtures";

type Endpoint = "top-up" | "check-status" | "pricelist" | "check-balance" | "inquiry-pln";
const ROUTES: Record<Endpoint, { POST: (req: Request) => Promise<Response> }> = {
  "top-up": topUpRoute,
  "check-status": checkStatusRoute,
  pricelist: pricelistRoute,
  "check-balance": checkBalanceRoute,
  "inquiry-pln": inquiryPlnRoute,
};
type Data = Record<string, unknown>;
type Answer = { status: number; contentType: string; data: Data };

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === "pricelist" });

/** Posts a raw body to an endpoint and reads the answer in the format it came back in. */
async function post(endpoint: Endpoint, body: string, contentType: string): Promise<Answer & { raw: string }> {
  const res = await ROUTES[endpoint].POST(new Request(`http://localhost/api/prepaid/${endpoint}`, { method: "POST", headers: { "content-type": contentType }, body }));
  const raw = await res.text();
  const type = res.headers.get("content-type") ?? "";
  const data = type.includes("xml") ? ((xmlParser.parse(raw) as { mp: Data }).mp ?? {}) : ((JSON.parse(raw) as { data: Data }).data ?? {});
  return { status: res.status, contentType: type, data, raw };
}

const toXml = (fields: Record<string, string>) =>
  `<?xml version="1.0" ?>\n<mp>\n${Object.entries(fields)
    .map(([k, v]) => `  <${k}>${v}</${k}>`)
    .join("\n")}\n</mp>`;

/** A merchant's integration: builds the sign as seed 002 does and speaks JSON or XML. */
function iakClient(username: string, apiKey: string) {
  const sign = (signed: string) => md5(username + apiKey + signed);
  const send = async (format: "json" | "xml", endpoint: Endpoint, fields: Record<string, string>): Promise<Answer> => {
    const res = format === "json" ? await post(endpoint, JSON.stringify(fields), "application/json") : await post(endpoint, toXml(fields), "application/xml");
    expect(res.contentType).toContain(format === "json" ? "application/json" : "application/xml");
    if (format === "xml") expect(res.raw.startsWith('<?xml version="1.0"?>\n<mp>')).toBe(true);
    return res;
  };
  return {
    sign,
    topUp: (format: "json" | "xml", ref_id: string, product_code: string, customer_id: string) =>
      send(format, "top-up", { username, ref_id, customer_id, product_code, sign: sign(ref_id) }),
    checkStatus: (format: "json" | "xml", ref_id: string) => send(format, "check-status", { username, ref_id, sign: sign(ref_id) }),
    pricelist: (format: "json" | "xml", filters: Record<string, string> = {}) => send(format, "pricelist", { username, sign: sign("pl"), ...filters }),
    checkBalance: (format: "json" | "xml") => send(format, "check-balance", { username, sign: sign("bl") }),
    inquiryPln: (format: "json" | "xml", customer_id: string) => send(format, "inquiry-pln", { username, customer_id, sign: sign(customer_id) }),
    send,
  };
}

/** XML answers carry text; JSON answers numbers. Compare them as text. */
const asText = (data: Data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));
const later = () => new Date(Date.now() + 60 * 60_000);

async function setup(balance: number) {
  const m = await createPrepaidMerchant();
  if (balance) await fund(m.merchantId, balance);
  return { ...m, iak: iakClient(m.username, m.apiKey) };
}

describe(`prepaid API on ${engine}`, () => {
  it("top-up in JSON: the first answer is PROCESS with the price held and the balance after it", async () => {
    const { iak, merchantId } = await setup(100_000);
    const res = await iak.topUp("json", "order001", "xld25000", "0817777215");
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      ref_id: "order001",
      status: 0,
      product_code: "xld25000",
      customer_id: "0817777215",
      price: 25_000,
      message: "PROCESS",
      balance: 75_000,
      tr_id: expect.any(Number),
      rc: "39",
      sn: "",
    });
    expect(Number.isInteger(res.data.tr_id)).toBe(true);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 75_000n, held: 25_000n });
  });

  it("top-up in XML answers <mp> in XML with the same fields", async () => {
    const { iak } = await setup(100_000);
    const res = await iak.topUp("xml", "order-xml-1", "xld25000", "0817777215");
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ref_id: "order-xml-1", status: "0", product_code: "xld25000", customer_id: "0817777215", price: "25000", message: "PROCESS", balance: "75000", rc: "39" });
    expect(res.data.tr_id).toMatch(/^\d+$/);
    // text/xml is XML too.
    const viaTextXml = await post("top-up", toXml({ username: "x", ref_id: "r", customer_id: "c", product_code: "p", sign: "s" }), "text/xml; charset=utf-8");
    expect(viaTextXml.contentType).toContain("application/xml");
    expect(viaTextXml.data).toMatchObject({ rc: "110" });
  });

  it("check-status, pricelist, check-balance and inquiry-pln answer in JSON and in XML", async () => {
    const { iak } = await setup(500_000);
    await iak.topUp("json", "status-1", "htelkomsel10000", "081234567890");
    for (const format of ["json", "xml"] as const) {
      const status = await iak.checkStatus(format, "status-1");
      expect(asText(status.data)).toMatchObject({ ref_id: "status-1", status: "0", product_code: "htelkomsel10000", price: "10800", message: "PROCESS", rc: "39", balance: "489200" });

      const balance = await iak.checkBalance(format);
      expect(asText(balance.data)).toEqual({ balance: "489200", message: "SUCCESS", rc: "00" });

      const all = await iak.pricelist(format);
      expect(all.data).toMatchObject({ rc: "00", message: "SUCCESS" });
      const items = all.data.pricelist as Data[];
      expect(items.length).toBeGreaterThanOrEqual(40);
      expect(asText(items.find((p) => p.product_code === "xld25000")!)).toEqual({
        product_code: "xld25000",
        product_description: "XL Axiata",
        product_nominal: "25000",
        product_details: "XL 25.000",
        product_price: "25000",
        product_type: "pulsa",
        product_operator: "xl",
        active_period: "0",
        status: "active",
      });
      const filtered = await iak.pricelist(format, { type: "pulsa", operator: "telkomsel" });
      expect((filtered.data.pricelist as Data[]).map((p) => p.product_code)).toEqual([
        "htelkomsel5000",
        "htelkomsel10000",
        "htelkomsel20000",
        "htelkomsel25000",
        "htelkomsel50000",
        "htelkomsel100000",
      ]);
      const pln = await iak.pricelist(format, { type: "pln" });
      expect((pln.data.pricelist as Data[]).every((p) => p.product_type === "pln")).toBe(true);

      const inquiry = await iak.inquiryPln(format, "12345678901");
      expect(asText(inquiry.data)).toMatchObject({ status: "1", customer_id: "12345678901", meter_no: "12345678901", name: expect.any(String), rc: "00", message: "SUCCESS" });
      expect(inquiry.data.segment_power).toMatch(/^[RB]\d \/\d{9}$/);
      const unknownMeter = await iak.inquiryPln(format, "12345670000");
      expect(unknownMeter.data).toMatchObject({ rc: "14", message: "INCORRECT DESTINATION NUMBER" });
      const badMeter = await iak.inquiryPln(format, "1234");
      expect(badMeter.data).toMatchObject({ rc: "14" });
    }
    // An empty filter result is still a success; switched-off products can be listed separately.
    const none = await iak.pricelist("json", { type: "pulsa", operator: "pln" });
    expect(none.data).toEqual({ pricelist: [], message: "SUCCESS", rc: "00" });
    const noneXml = await iak.pricelist("xml", { type: "pulsa", operator: "pln" });
    expect(noneXml.data).toEqual({ message: "SUCCESS", rc: "00" });
    await updatePrepaidProduct({ code: "freefire70", active: false, actor: { type: "SYSTEM" } });
    const inactive = await iak.pricelist("json", { status: "non active" });
    expect((inactive.data.pricelist as Data[]).map((p) => [p.product_code, p.status])).toEqual([["freefire70", "non active"]]);
    await updatePrepaidProduct({ code: "freefire70", active: true, actor: { type: "SYSTEM" } });
  });

  it("the same ref_id 20 times at once: one order, one hold, every answer with the same tr_id", async () => {
    const { iak, merchantId } = await setup(100_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? iak.topUp("xml", "same-ref", "hindosat10000", "085612345678") : iak.topUp("json", "same-ref", "hindosat10000", "085612345678"))),
    );
    const trIds = new Set(answers.map((a) => String(a.data.tr_id)));
    expect(trIds.size).toBe(1);
    for (const a of answers) expect(asText(a.data)).toMatchObject({ ref_id: "same-ref", status: "0", rc: "39", message: "PROCESS", price: "11000", balance: "89000" });
    expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(1);
    expect(await db.ledgerHold.count({ where: { merchantId } })).toBe(1);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 89_000n, held: 11_000n });
  });

  it("balance 25.000 and two 25.000 purchases at once: one PROCESS, one rc 17, never negative", async () => {
    const { iak, merchantId } = await setup(25_000);
    const [a, b] = await Promise.all([iak.topUp("json", "race-a", "xld25000", "0817777215"), iak.topUp("xml", "race-b", "xld25000", "0818777215")]);
    const rcs = [a, b].map((r) => String(r.data.rc)).sort();
    expect(rcs).toEqual(["17", "39"]);
    const refused = [a, b].find((r) => String(r.data.rc) === "17")!;
    expect(asText(refused.data)).toMatchObject({ status: "2", message: "INSUFFICIENT DEPOSIT", price: "25000", balance: "0" });
    expect(refused.data.tr_id).toBeUndefined();
    expect(await balanceOf(db, merchantId)).toEqual({ available: 0n, held: 25_000n });
    expect(await db.prepaidOrder.count({ where: { merchantId, holdId: { not: null } } })).toBe(1);
    const wallet = await db.ledgerAccount.findFirstOrThrow({ where: { merchantId, type: "MERCHANT_WALLET" } });
    expect(wallet.balance).toBe(0n);
  });

  it("success posts and failure (…9999) voids and returns the funds, each with its callback; a repeat answers the final status", async () => {
    const { iak, merchantId } = await setup(100_000);
    const ok = await iak.topUp("json", "cb-ok", "htelkomsel25000", "081299998888");
    const bad = await iak.topUp("xml", "cb-bad", "xld25000", "0817779999");
    expect([ok.data.rc, bad.data.rc]).toEqual(["39", "39"]);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n - 25_300n - 25_000n, held: 50_300n });

    await completeDuePrepaidOrders(later());
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n - 25_300n, held: 0n });

    const okStatus = await iak.checkStatus("json", "cb-ok");
    expect(okStatus.data).toMatchObject({ ref_id: "cb-ok", status: 1, rc: "00", message: "SUCCESS", balance: 74_700, tr_id: ok.data.tr_id });
    expect(okStatus.data.sn).toMatch(/^\d{16}$/);
    const badStatus = await iak.checkStatus("xml", "cb-bad");
    expect(badStatus.data).toMatchObject({ ref_id: "cb-bad", status: "2", rc: "07", message: "FAILED", tr_id: bad.data.tr_id });

    // Repeating a settled ref_id is a status check: nothing is bought again.
    const repeat = await iak.topUp("json", "cb-ok", "htelkomsel25000", "081299998888");
    expect(repeat.data).toMatchObject({ status: 1, rc: "00", tr_id: ok.data.tr_id, sn: okStatus.data.sn });
    const repeatFailed = await iak.topUp("json", "cb-bad", "xld25000", "0817779999");
    expect(repeatFailed.data).toMatchObject({ status: 2, rc: "07", tr_id: Number(bad.data.tr_id) });
    expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(2);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 74_700n, held: 0n });

    const events = await db.outboxEvent.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } });
    const byType = Object.fromEntries(events.map((e) => [e.type, JSON.parse(e.data) as Data]));
    expect(events).toHaveLength(2);
    expect(byType["prepaid.success"]).toEqual({ ...okStatus.data, balance: expect.any(Number) });
    expect(byType["prepaid.failed"]).toMatchObject({ ref_id: "cb-bad", status: 2, product_code: "xld25000", customer_id: "0817779999", price: 25_000, message: "FAILED", rc: "07", tr_id: Number(bad.data.tr_id), sn: "" });
  });

  it("answers each refusal with its rc, in both formats, HTTP 200 and nothing bought", async () => {
    const { iak, merchantId, username } = await setup(100_000);
    await updatePrepaidProduct({ code: "hsmart5000", active: false, actor: { type: "SYSTEM" } });
    for (const format of ["json", "xml"] as const) {
      const cases: [Promise<Answer>, string, string][] = [
        [iak.send(format, "top-up", { username, ref_id: "e1", customer_id: "0817777215", product_code: "xld25000", sign: md5(`${username}wrong-keye1`) }), "204", "WRONG AUTHENTICATION"],
        [iak.send(format, "top-up", { username: "0800000001", ref_id: "e1", customer_id: "0817777215", product_code: "xld25000", sign: iak.sign("e1") }), "110", "SYSTEM CANNOT AUTHENTICATE"],
        [iak.topUp(format, `e2-${format}`, "xld99999", "0817777215"), "20", "CODE NOT FOUND"],
        [iak.topUp(format, `e3-${format}`, "htelkomsel10000", "0817777215"), "16", "NUMBER NOT MATCH WITH OPERATOR"],
        [iak.topUp(format, `e4-${format}`, "hsmart5000", "08811234567"), "106", "PRODUCT IS TEMPORARILY OUT OF SERVICE"],
        [iak.topUp(format, `e5-${format}`, "htelkomsel10000", "0812"), "14", "INCORRECT DESTINATION NUMBER"],
        [iak.topUp(format, `e6-${format}`, "pln20000", "123456789"), "14", "INCORRECT DESTINATION NUMBER"],
        [iak.topUp(format, `e7-${format}`, "pln1000000", "12345678901"), "17", "INSUFFICIENT DEPOSIT"],
        [iak.checkStatus(format, "never-sent"), "06", "TRANSACTION NOT FOUND"],
        [iak.send(format, "check-status", { username, ref_id: "x", sign: iak.sign("y") }), "204", "WRONG AUTHENTICATION"],
        [iak.send(format, "pricelist", { username, sign: iak.sign("bl") }), "204", "WRONG AUTHENTICATION"],
        [iak.send(format, "check-balance", { username, sign: iak.sign("pl") }), "204", "WRONG AUTHENTICATION"],
        [iak.send(format, "inquiry-pln", { username, customer_id: "12345678901", sign: iak.sign("12345678900") }), "204", "WRONG AUTHENTICATION"],
        [iak.send(format, "top-up", { username, ref_id: "e8", product_code: "xld25000", sign: iak.sign("e8") }), "107", "FORMAT ERROR: customer_id IS REQUIRED"],
        [iak.send(format, "check-balance", { sign: iak.sign("bl") }), "107", "FORMAT ERROR: username IS REQUIRED"],
      ];
      for (const [pending, rc, message] of cases) {
        const res = await pending;
        expect(res.status, `${format} ${rc}`).toBe(200);
        expect(res.data, `${format} ${rc}`).toMatchObject({ rc, message });
        if (["204", "110", "107"].includes(rc)) expect(res.data.balance, "no balance for a caller who is not authenticated").toBeUndefined();
      }
    }
    // Failed purchases after authentication say status 2 and the balance; nothing was held.
    const refused = await iak.topUp("json", "e9", "htelkomsel10000", "0817777215");
    expect(refused.data).toEqual({ ref_id: "e9", status: 2, product_code: "htelkomsel10000", customer_id: "0817777215", price: 10_800, message: "NUMBER NOT MATCH WITH OPERATOR", balance: 100_000, rc: "16" });
    // Nothing bought; the refusals are kept only to bind their ref_ids (no hold).
    expect(await db.prepaidOrder.count({ where: { merchantId, holdId: { not: null } } })).toBe(0);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n, held: 0n });
  });

  it("broken XML or JSON → rc 107 in the request's format, never a 500", async () => {
    const { iak, username } = await setup(0);
    const bodies: [string, string][] = [
      ["application/xml", "<mp><username>x</username><ref_id>1</mp>"],
      ["application/xml", "not xml at all"],
      ["text/xml", `<?xml version="1.0"?><request><username>${username}</username></request>`],
      ["application/xml", `<!DOCTYPE mp [<!ENTITY x "y">]><mp><username>&x;</username></mp>`],
      ["application/xml", "<mp><username>a</username></mp><mp></mp>"],
    ];
    for (const [type, body] of bodies) {
      for (const endpoint of Object.keys(ROUTES) as Endpoint[]) {
        const res = await post(endpoint, body, type);
        expect(res.status).toBe(200);
        expect(res.contentType).toContain("application/xml");
        expect(res.data).toEqual({ rc: "107", message: "XML FORMAT ERROR" });
      }
    }
    for (const body of ["{not json", "[1,2]", "null", '"text"']) {
      for (const endpoint of Object.keys(ROUTES) as Endpoint[]) {
        const res = await post(endpoint, body, "application/json");
        expect(res.status).toBe(200);
        expect(res.contentType).toContain("application/json");
        expect(res.data).toEqual({ rc: "107", message: "JSON FORMAT ERROR" });
      }
    }
    // A field that is not text (an object) is a format error naming the field.
    const nested = await post("top-up", JSON.stringify({ username, ref_id: { a: 1 }, customer_id: "0817777215", product_code: "xld25000", sign: iak.sign("x") }), "application/json");
    expect(nested.data).toEqual({ rc: "107", message: "FORMAT ERROR: ref_id IS INVALID" });
    const repeated = await post("top-up", toXml({ username, sign: "s" }).replace("</mp>", "<ref_id>a</ref_id><ref_id>b</ref_id></mp>"), "application/xml");
    expect(repeated.data).toMatchObject({ rc: "107" });
    // JSON numbers are read as text: a customer_id sent as a number keeps its digits.
    const numeric = await post("check-balance", JSON.stringify({ username: Number(username), sign: iak.sign("bl") }), "application/json");
    expect(numeric.data).toMatchObject({ rc: "110" }); // the leading zero is gone, as the caller sent it
  });

  it("the same ref_id with another product or customer answers rc 201 and changes nothing", async () => {
    const { iak, merchantId } = await setup(100_000);
    const first = await iak.topUp("json", "dup-1", "xld10000", "0817777215");
    expect(first.data.rc).toBe("39");
    const otherProduct = await iak.topUp("json", "dup-1", "xld25000", "0817777215");
    expect(otherProduct.data).toEqual({ ref_id: "dup-1", product_code: "xld25000", customer_id: "0817777215", message: "DUPLICATE REF ID WITH DIFFERENT BODY", balance: 89_100, rc: "201" });
    const otherCustomer = await iak.topUp("xml", "dup-1", "xld10000", "0818777215");
    expect(otherCustomer.data).toMatchObject({ rc: "201" });
    expect(otherCustomer.data.status).toBeUndefined();
    // The number written with +62 is the same customer: a status check, not an error.
    const same = await iak.topUp("json", "dup-1", "xld10000", "+62817777215");
    expect(same.data).toMatchObject({ rc: "39", tr_id: first.data.tr_id, customer_id: "0817777215" });
    expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(1);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 89_100n, held: 10_900n });
  });

  it("a merchant never sees another's orders: their ref_id is 'not found' for me", async () => {
    const alice = await setup(50_000);
    const bob = await setup(50_000);
    await alice.iak.topUp("json", "private-ref", "xld10000", "0817777215");
    expect((await bob.iak.checkStatus("json", "private-ref")).data).toMatchObject({ rc: "06" });
    // Bob signing with Alice's username but his own key is refused.
    const forged = await bob.iak.send("json", "check-status", { username: alice.username, ref_id: "private-ref", sign: md5(`${alice.username}${bob.apiKey}private-ref`) });
    expect(forged.data).toMatchObject({ rc: "204" });
    expect((await bob.iak.checkBalance("json")).data).toMatchObject({ balance: 50_000 });
  });

  it("a suspended merchant cannot use the API", async () => {
    const { iak, merchantId } = await setup(50_000);
    await transaction((tx) => tx.merchant.update({ where: { id: merchantId }, data: { status: "SUSPENDED" } }));
    expect((await iak.topUp("json", "s1", "xld10000", "0817777215")).data).toMatchObject({ rc: "110" });
    expect((await iak.checkBalance("xml")).data).toMatchObject({ rc: "110" });
    expect(await db.prepaidOrder.count({ where: { merchantId } })).toBe(0);
  });

  it("leaves the ledger consistent", async () => {
    await completeDuePrepaidOrders(later());
    const { ok, problems } = await verifyInvariants(db);
    expect(problems).toEqual([]);
    expect(ok).toBe(true);
    expect(await db.prepaidOrder.count({ where: { status: 0 } })).toBe(0);
  });
});

// The provider fakes over real HTTP (fetch), against their documented contracts: authentication,
// validation, state, scripted failures (error bodies, 5xx, hangs, dropped connections) and signed
// notifications received by a throwaway node:http receiver. No database is touched.
import { afterEach, describe, expect, it } from "vitest";
import { md5Hex, sha512Hex, startReceiver } from "./http";
import { startIakFake } from "./iak";
import { irisSignature, startIrisFake } from "./iris";
import { midtransSignature, startMidtransFake } from "./midtrans";
import { readQris } from "./qris";

type Json = Record<string, any>;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});
async function using<T extends { close: () => Promise<void> }>(thing: Promise<T>): Promise<T> {
  const t = await thing;
  cleanup.push(t.close);
  return t;
}

async function call(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}) {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", accept: "application/json", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
  });
  const text = await res.text();
  let json: Json | null = null;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    /* not JSON */
  }
  return { status: res.status, text, json: json as Json };
}
const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

describe("Midtrans Core API fake", () => {
  const KEY = "SB-Mid-server-fake-key";
  const vaCharge = (orderId: string, bank = "bni", extra: Json = {}) => ({
    payment_type: "bank_transfer", transaction_details: { order_id: orderId, gross_amount: 44000 }, bank_transfer: { bank }, ...extra,
  });

  it("refuses a missing or wrong server key with status_code 401, as HTTP 401 or (errorsInBodyOnly) HTTP 200", async () => {
    const fake = await using(startMidtransFake({ serverKey: KEY }));
    const none = await call(`${fake.url}/v2/charge`, { body: vaCharge("o-1") });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ status_code: "401", status_message: expect.stringMatching(/Access denied/) });
    const wrong = await call(`${fake.url}/v2/o-1/status`, { headers: basic("SB-Mid-server-other") });
    expect(wrong.json).toMatchObject({ status_code: "401", status_message: "Unknown Merchant server_key/id" });
    expect(fake.state.charges.size).toBe(0);

    const legacy = await using(startMidtransFake({ serverKey: KEY, errorsInBodyOnly: true }));
    const res = await call(`${legacy.url}/v2/charge`, { body: vaCharge("o-1"), headers: basic("nope") });
    expect(res.status).toBe(200);
    expect(res.json.status_code).toBe("401");
  });

  it("creates VA, Permata, Mandiri bill and QRIS charges with the documented fields, and answers their status", async () => {
    const fake = await using(startMidtransFake({ serverKey: KEY }));
    const post = (body: unknown) => call(`${fake.url}/v2/charge`, { body, headers: basic(KEY) });

    const bni = await post(vaCharge("dep-bni", "bni", { custom_expiry: { expiry_duration: 60, unit: "minute" } }));
    expect(bni.json).toMatchObject({ status_code: "201", transaction_status: "pending", order_id: "dep-bni", gross_amount: "44000.00",
      payment_type: "bank_transfer", fraud_status: "accept", va_numbers: [{ bank: "bni", va_number: expect.stringMatching(/^\d+$/) }] });
    const minutes = (Date.parse(bni.json.expiry_time) - Date.parse(bni.json.transaction_time)) / 60_000;
    expect(minutes).toBe(60);

    for (const body of [vaCharge("dep-permata", "permata"), { payment_type: "permata", transaction_details: { order_id: "dep-permata-legacy", gross_amount: 10000 } }]) {
      const res = await post(body);
      expect(res.json).toMatchObject({ status_code: "201", payment_type: "bank_transfer", permata_va_number: expect.stringMatching(/^\d+$/) });
      expect(res.json.va_numbers).toBeUndefined();
    }
    const mandiri = await post({ payment_type: "echannel", transaction_details: { order_id: "dep-mandiri", gross_amount: 50000 },
      echannel: { bill_info1: "Deposit:", bill_info2: "Saldo" } });
    expect(mandiri.json).toMatchObject({ status_code: "201", payment_type: "echannel", biller_code: "70012", bill_key: expect.stringMatching(/^\d+$/) });
    const qris = await post({ payment_type: "qris", transaction_details: { order_id: "dep-qris", gross_amount: 25000 }, qris: { acquirer: "gopay" } });
    expect(qris.json).toMatchObject({ status_code: "201", payment_type: "qris", acquirer: "gopay", qr_string: expect.stringMatching(/^000201.*6304[0-9A-F]{4}$/),
      actions: [{ name: "generate-qr-code", method: "GET", url: expect.stringContaining(qris.json.transaction_id) }] });
    expect(readQris(qris.json.qr_string)).toMatchObject({ "00": "01", "01": "12", "53": "360", "54": "25000", "58": "ID" });
    expect(readQris(String(qris.json.qr_string).replace("540525000", "540525001"))).toBeNull(); // tampered amount

    const status = await call(`${fake.url}/v2/dep-bni/status`, { headers: basic(KEY) });
    expect(status.json).toMatchObject({ status_code: "201", transaction_status: "pending", va_numbers: [{ bank: "bni" }] });
    expect(status.json.signature_key).toBe(midtransSignature("dep-bni", "201", "44000.00", KEY));
    const byTransactionId = await call(`${fake.url}/v2/${bni.json.transaction_id}/status`, { headers: basic(KEY) });
    expect(byTransactionId.json.order_id).toBe("dep-bni");

    fake.setStatus("dep-bni", "settlement");
    expect((await call(`${fake.url}/v2/dep-bni/status`, { headers: basic(KEY) })).json).toMatchObject({ status_code: "200", transaction_status: "settlement" });
    fake.setStatus("dep-qris", "expire");
    expect((await call(`${fake.url}/v2/dep-qris/status`, { headers: basic(KEY) })).json).toMatchObject({ status_code: "407", transaction_status: "expire" });
  });

  it("answers the documented errors: 400 with validation_messages, 406 duplicate order_id, 404 unknown order, 413 malformed body", async () => {
    const fake = await using(startMidtransFake({ serverKey: KEY }));
    const post = (body: unknown) => call(`${fake.url}/v2/charge`, { body, headers: basic(KEY) });
    const invalid = await post({ payment_type: "bank_transfer", transaction_details: { order_id: "x" }, bank_transfer: { bank: "hsbc" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ status_code: "400", status_message: "One or more parameters in the payload is invalid." });
    expect(invalid.json.validation_messages).toEqual(["transaction_details.gross_amount is required", "bank_transfer.bank is invalid"]);
    const echannel = await post({ payment_type: "echannel", transaction_details: { order_id: "m", gross_amount: 1000 }, echannel: {} });
    expect(echannel.json.validation_messages).toContain("echannel.bill_info1 is required");
    expect((await post("{not json")).json.status_code).toBe("413");

    expect((await post(vaCharge("dup"))).json.status_code).toBe("201");
    const dup = await post(vaCharge("dup"));
    expect(dup.status).toBe(406);
    expect(dup.json.status_code).toBe("406");
    const unknown = await call(`${fake.url}/v2/nope/status`, { headers: basic(KEY) });
    expect(unknown.json).toMatchObject({ status_code: "404", status_message: "Transaction doesn't exist." });
  });

  it("scripts a 505, a raw 502, a dropped connection and a hang past the client's timeout (the charge still exists, so ask)", async () => {
    const fake = await using(startMidtransFake({ serverKey: KEY }));
    const post = (id: string, timeoutMs?: number) => call(`${fake.url}/v2/charge`, { body: vaCharge(id), headers: basic(KEY), timeoutMs });
    fake.script("charge", { kind: "fail" }, { kind: "http", status: 502 }, { kind: "drop" }, { kind: "hang", ms: 2_000 });

    const va = await post("s-1");
    expect(va.status).toBe(505);
    expect(va.json).toMatchObject({ status_code: "505", status_message: "Unable to create va_number for this transaction" });
    const gateway = await post("s-2");
    expect(gateway.status).toBe(502);
    expect(gateway.json).toBeNull();
    await expect(post("s-3")).rejects.toThrow();
    await expect(post("s-4", 300)).rejects.toThrow(/abort|timeout/i);
    expect([...fake.state.charges.keys()]).toEqual(["s-4"]);
    const asked = await call(`${fake.url}/v2/s-4/status`, { headers: basic(KEY) });
    expect(asked.json).toMatchObject({ status_code: "201", transaction_status: "pending" });

    fake.script("status", { kind: "hang" }, { kind: "fail", statusCode: "500" });
    await expect(call(`${fake.url}/v2/s-4/status`, { headers: basic(KEY), timeoutMs: 300 })).rejects.toThrow();
    expect((await call(`${fake.url}/v2/s-4/status`, { headers: basic(KEY) })).status).toBe(500);
    expect((await post("s-5")).json.status_code).toBe("201");
  });

  it("sends notifications signed SHA512(order_id+status_code+gross_amount+ServerKey): good, bad, duplicate, out of order", async () => {
    const receiver = await using(startReceiver());
    const fake = await using(startMidtransFake({ serverKey: KEY }));
    await call(`${fake.url}/v2/charge`, { body: vaCharge("n-1"), headers: { ...basic(KEY), "X-Override-Notification": receiver.url } });
    const verify = (raw: string) => {
      const b = JSON.parse(raw) as Json;
      return b.signature_key === sha512Hex(`${b.order_id}${b.status_code}${b.gross_amount}${KEY}`);
    };

    const [settled] = await fake.settle("n-1");
    expect(settled?.status).toBe(200);
    await fake.notify("n-1"); // the same notification again
    await fake.notify("n-1", "pending"); // a stale one, after the settlement
    await fake.notify("n-1", "settlement", { badSignature: true });
    const bodies = receiver.received.map((r) => r.body as Json);
    expect(bodies.map((b) => [b.transaction_status, b.status_code])).toEqual([["settlement", "200"], ["settlement", "200"], ["pending", "201"], ["settlement", "200"]]);
    expect(receiver.received.map((r) => verify(r.rawBody))).toEqual([true, true, true, false]);
    expect(receiver.received[0]?.rawBody).toBe(receiver.received[1]?.rawBody);
    expect(bodies[0]).toMatchObject({ order_id: "n-1", gross_amount: "44000.00", payment_type: "bank_transfer", status_message: "midtrans payment notification",
      va_numbers: [{ bank: "bni" }], settlement_time: expect.any(String), transaction_id: expect.any(String) });
    expect(receiver.received[0]?.headers["content-type"]).toBe("application/json");
    expect(fake.state.charges.get("n-1")?.transaction_status).toBe("settlement");
  });
});

describe("Midtrans Payouts (Iris) fake", () => {
  const keys = { creatorKey: "IRIS-creator", approverKey: "IRIS-approver", merchantKey: "IRIS-merchant-key" };
  const payout = (amount = "100000.00", extra: Json = {}) => ({
    beneficiary_name: "Budi Santoso", beneficiary_account: "0611101146", beneficiary_bank: "bca", amount, notes: "Saldo withdrawal W-1", ...extra,
  });

  it("refuses unknown keys with HTTP Basic: Access denied, and each role outside its own calls", async () => {
    const fake = await using(startIrisFake(keys));
    const unknown = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout()] }, headers: basic("IRIS-other") });
    expect(unknown.status).toBe(401);
    expect(unknown.text).toBe("HTTP Basic: Access denied");
    expect((await call(`${fake.url}/api/v1/balance`)).status).toBe(401);
    expect((await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout()] }, headers: basic(keys.approverKey) })).status).toBe(401);

    const created = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout()] }, headers: basic(keys.creatorKey) });
    const ref = created.json.payouts[0].reference_no as string;
    const byCreator = await call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: [ref] }, headers: basic(keys.creatorKey) });
    expect(byCreator.status).toBe(401);
    expect(byCreator.json.error_message).toMatch(/not authorized/);
    expect(fake.state.payouts.get(ref)?.status).toBe("queued");
  });

  it("creates queued payouts, validates them, and approval/rejection moves them to completed, failed or rejected", async () => {
    const fake = await using(startIrisFake({ ...keys, balance: 1_000_000 }));
    const creator = basic(keys.creatorKey);
    const approver = basic(keys.approverKey);
    const bad = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout("10.5", { beneficiary_name: "" })] }, headers: creator });
    expect(bad.status).toBe(400);
    expect(bad.json.error_message).toBe("An error occurred when creating payouts");
    expect(bad.json.errors.length).toBe(2);

    const created = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout(), payout("50000", { beneficiary_bank: "gopay", beneficiary_account: "08123450000" }), payout("20000")] }, headers: creator });
    expect(created.status).toBe(201);
    const [a, b, c] = (created.json.payouts as Json[]).map((p) => { expect(p.status).toBe("queued"); return p.reference_no as string; });
    expect((await call(`${fake.url}/api/v1/payouts/${a}`, { headers: creator })).json).toMatchObject({ status: "queued", amount: "100000.00", beneficiary_account: "0611101146" });

    fake.outcome({ status: "completed" }, { status: "failed", errorCode: "002" });
    const approved = await call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: [a, b], otp: "335163" }, headers: approver });
    expect(approved.status).toBe(202);
    expect(approved.json).toEqual({ status: "ok" });
    expect((await call(`${fake.url}/api/v1/payouts/${a}`, { headers: approver })).json.status).toBe("completed");
    expect((await call(`${fake.url}/api/v1/payouts/${b}`, { headers: approver })).json).toMatchObject({ status: "failed", error_code: "002" });
    expect((await call(`${fake.url}/api/v1/balance`, { headers: approver })).json).toEqual({ balance: "900000.00" });

    const rejected = await call(`${fake.url}/api/v1/payouts/reject`, { body: { reference_nos: [c], reject_reason: "duplicate" }, headers: approver });
    expect(rejected.json).toEqual({ status: "ok" });
    expect(fake.state.payouts.get(c!)?.status).toBe("rejected");
    const again = await call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: [c] }, headers: approver });
    expect(again.json.error_message).toMatch(/are not queued/);
    expect((await call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: ["nope"] }, headers: approver })).status).toBe(404);
    expect((await call(`${fake.url}/api/v1/payouts/nope`, { headers: approver })).status).toBe(404);

    const banks = await call(`${fake.url}/api/v1/beneficiary_banks`, { headers: approver });
    expect((banks.json.beneficiary_banks as Json[]).map((x) => x.code)).toEqual(expect.arrayContaining(["bca", "bni", "bri", "mandiri", "gopay", "ovo"]));
    expect((await call(`${fake.url}/api/v1/account_validation?bank=bca&account=0611101146`, { headers: approver })).json)
      .toEqual({ account_name: "BCA Simulator A", account_no: "0611101146", bank_name: "bca" });
    expect((await call(`${fake.url}/api/v1/account_validation?bank=bca&account=1`, { headers: approver })).json.errors.account).toEqual(["Account does not exist"]);
  });

  it("honours X-Idempotency-Key, so a create that hung can be asked again without paying twice; scripts 503 and failures", async () => {
    const fake = await using(startIrisFake(keys));
    const headers = { ...basic(keys.creatorKey), "X-Idempotency-Key": "withdrawal-W-7" };
    const body = { payouts: [payout()] };
    fake.script("create", { kind: "hang", ms: 1_500 });
    await expect(call(`${fake.url}/api/v1/payouts`, { body, headers, timeoutMs: 300 })).rejects.toThrow();
    const retry = await call(`${fake.url}/api/v1/payouts`, { body, headers });
    expect(retry.status).toBe(201);
    expect(fake.state.payouts.size).toBe(1);
    expect(retry.json.payouts[0].reference_no).toBe([...fake.state.payouts.keys()][0]);
    const conflict = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout("5000")] }, headers });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toEqual({ error_message: "idempotency-key is not unique", errors: "idempotency-key is not unique" });

    fake.script("approve", { kind: "http", status: 503 }, { kind: "fail", status: 500, body: { error_message: "Internal server error" } });
    const ref = retry.json.payouts[0].reference_no as string;
    const approve = () => call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: [ref] }, headers: basic(keys.approverKey) });
    expect((await approve()).status).toBe(503);
    expect((await approve()).json).toEqual({ error_message: "Internal server error" });
    expect(fake.state.payouts.get(ref)?.status).toBe("queued");
    expect((await approve()).status).toBe(202);
  });

  it("sends notifications with Iris-Signature = SHA512(raw body + merchant key): good, bad, duplicate, out of order", async () => {
    const receiver = await using(startReceiver());
    const fake = await using(startIrisFake({ ...keys, notificationUrl: receiver.url }));
    const created = await call(`${fake.url}/api/v1/payouts`, { body: { payouts: [payout()] }, headers: basic(keys.creatorKey) });
    const ref = created.json.payouts[0].reference_no as string;
    fake.outcome({ status: "processed" });
    await call(`${fake.url}/api/v1/payouts/approve`, { body: { reference_nos: [ref] }, headers: basic(keys.approverKey) });
    expect(fake.state.payouts.get(ref)?.status).toBe("processed");
    fake.setStatus(ref, "completed");

    expect((await fake.notify(ref)).status).toBe(200);
    await fake.notify(ref);
    await fake.notify(ref, "processed");
    await fake.notify(ref, "completed", { badSignature: true });
    const verify = (raw: string, sig: unknown) => sig === sha512Hex(raw + keys.merchantKey);
    expect(receiver.received.map((r) => verify(r.rawBody, r.headers["iris-signature"]))).toEqual([true, true, true, false]);
    expect(receiver.received.map((r) => (r.body as Json).status)).toEqual(["completed", "completed", "processed", "completed"]);
    expect(receiver.received[0]?.body).toEqual({ reference_no: ref, amount: "100000.00", status: "completed", updated_at: expect.stringMatching(/Z$/) });
    expect(irisSignature(receiver.received[0]!.rawBody, keys.merchantKey)).toBe(receiver.received[0]?.headers["iris-signature"]);

    fake.setStatus(ref, "failed", "005");
    await fake.notify(ref);
    expect(receiver.received.at(-1)?.body).toMatchObject({ status: "failed", error_code: "005", error_message: "Timeout error by bank" });
  });
});

describe("IAK prepaid fake", () => {
  const USER = "081234567890";
  const KEY = "iak-dev-api-key";
  const sign = (salt: string) => md5Hex(`${USER}${KEY}${salt}`);
  const topUp = (url: string, refId: string, productCode = "xld25000", customerId = "0817777215", timeoutMs?: number) =>
    call(`${url}/api/top-up`, { body: { username: USER, ref_id: refId, customer_id: customerId, product_code: productCode, sign: sign(refId) }, timeoutMs });
  const status = (url: string, refId: string) => call(`${url}/api/check-status`, { body: { username: USER, ref_id: refId, sign: sign(refId) } });

  it("refuses a wrong sign or username with rc 204 and missing fields with rc 208, creating nothing", async () => {
    const fake = await using(startIakFake({ username: USER, apiKey: KEY }));
    const wrongSign = await call(`${fake.url}/api/top-up`, { body: { username: USER, ref_id: "r1", customer_id: "0817777215", product_code: "xld25000", sign: md5Hex(`${USER}wrong-keyr1`) } });
    expect(wrongSign.status).toBe(200);
    expect(wrongSign.json).toEqual({ data: { message: "WRONG AUTHENTICATION", rc: "204" } });
    const wrongUser = await call(`${fake.url}/api/check-balance`, { body: { username: "0899", sign: sign("bl") } });
    expect(wrongUser.json.data.rc).toBe("204");
    const missing = await call(`${fake.url}/api/top-up`, { body: { username: USER, ref_id: "r1", sign: sign("r1") } });
    expect(missing.json.data.rc).toBe("208");
    expect((await call(`${fake.url}/api/nope`, { body: {} })).json.data.rc).toBe("117");
    expect(fake.state.orders.size).toBe(0);
  });

  it("answers top-up with PROCESS (rc 39), a repeated ref_id as a status check, then SUCCESS with sn or FAILED with the price back", async () => {
    const fake = await using(startIakFake({ username: USER, apiKey: KEY, balance: 100_000 }));
    const first = await topUp(fake.url, "ord-1");
    expect(first.json.data).toEqual({ ref_id: "ord-1", status: 0, product_code: "xld25000", customer_id: "0817777215", price: 25000,
      message: "PROCESS", balance: 75000, tr_id: expect.any(Number), rc: "39" });
    const repeated = await topUp(fake.url, "ord-1", "xld10000");
    expect(repeated.json.data).toEqual(first.json.data);
    expect(fake.state.balance).toBe(75_000);

    fake.complete("ord-1", "123456789");
    expect((await status(fake.url, "ord-1")).json.data).toMatchObject({ status: 1, rc: "00", message: "SUCCESS", sn: "123456789" });
    await topUp(fake.url, "ord-2", "hpln20000", "12345678901");
    fake.fail("ord-2", "07");
    expect((await status(fake.url, "ord-2")).json.data).toMatchObject({ status: 2, rc: "07", message: "FAILED" });
    expect((await call(`${fake.url}/api/check-balance`, { body: { username: USER, sign: sign("bl") } })).json).toEqual({ data: { balance: 75000, message: "SUCCESS", rc: "00" } });
    expect((await status(fake.url, "never")).json.data).toMatchObject({ status: 2, rc: "06", message: "TRANSACTION NOT FOUND" });

    expect((await topUp(fake.url, "bad-code", "nope")).json.data).toMatchObject({ status: 2, rc: "20" });
    expect((await topUp(fake.url, "bad-number", "xld25000", "12")).json.data).toMatchObject({ status: 2, rc: "14" });
    expect((await topUp(fake.url, "off", "hindosat5000")).json.data).toMatchObject({ status: 2, rc: "106" });
    fake.state.balance = 1_000;
    expect((await topUp(fake.url, "too-much")).json.data).toMatchObject({ status: 2, rc: "17", message: "INSUFFICIENT DEPOSIT" });
    fake.script("topUp", { kind: "fail", rc: "102" });
    expect((await topUp(fake.url, "ip", "xld10000")).json.data).toMatchObject({ status: 2, rc: "102", message: "INVALID IP ADDRESS" });
    expect((await status(fake.url, "ip")).json.data.rc).toBe("102");
    expect(fake.state.balance).toBe(1_000);
  });

  it("scripts a hang past the client's timeout (asking with the same ref_id finds the order), a raw 500 and a drop", async () => {
    const fake = await using(startIakFake({ username: USER, apiKey: KEY }));
    fake.script("topUp", { kind: "hang", ms: 1_500 });
    await expect(topUp(fake.url, "h-1", "xld10000", "0817777215", 300)).rejects.toThrow();
    const asked = await topUp(fake.url, "h-1", "xld10000");
    expect(asked.json.data).toMatchObject({ ref_id: "h-1", status: 0, rc: "39" });
    fake.script("topUp", { kind: "http", status: 500 }, { kind: "drop" });
    const gateway = await topUp(fake.url, "h-2");
    expect(gateway.status).toBe(500);
    expect(gateway.json).toBeNull();
    await expect(topUp(fake.url, "h-3")).rejects.toThrow();
    expect([...fake.state.orders.keys()]).toEqual(["h-1"]);
    expect((await topUp(fake.url, "h-4")).json.data.rc).toBe("39");
  });

  it("lists realistic pulsa, data, pln and game products with every documented field, filtered by path and status", async () => {
    const fake = await using(startIakFake({ username: USER, apiKey: KEY }));
    const pricelist = (path = "", body: Json = {}) => call(`${fake.url}/api/pricelist${path}`, { body: { username: USER, sign: sign("pl"), ...body } });
    const all = await pricelist();
    expect(all.json.data).toMatchObject({ message: "SUCCESS", rc: "00" });
    const fields = ["active_period", "icon_url", "product_category", "product_code", "product_description", "product_details", "product_nominal", "product_price", "product_type", "status"];
    for (const item of all.json.data.pricelist as Json[]) expect(Object.keys(item).sort()).toEqual(fields);
    for (const type of ["pulsa", "data", "pln", "game"]) {
      const list = (await pricelist(`/${type}`)).json.data.pricelist as Json[];
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.every((p) => p.product_type === type && typeof p.product_price === "number")).toBe(true);
    }
    expect(((await pricelist("/pulsa/xl")).json.data.pricelist as Json[]).map((p) => p.product_code)).toEqual(["xld10000", "xld25000"]);
    const active = (await pricelist("", { status: "active" })).json.data.pricelist as Json[];
    expect(active.some((p) => p.product_code === "hindosat5000")).toBe(false);
    expect((await pricelist("/nope")).json.data.rc).toBe("20");
    expect((await call(`${fake.url}/api/pricelist`, { body: { username: USER, sign: sign("bl") } })).json.data.rc).toBe("204");
  });

  it("inquires a PLN meter (sign over customer_id): the holder, or rc 14", async () => {
    const fake = await using(startIakFake({ username: USER, apiKey: KEY }));
    const inquiry = (id: string) => call(`${fake.url}/api/inquiry-pln`, { body: { username: USER, customer_id: id, sign: sign(id) } });
    expect((await inquiry("12345678901")).json.data).toEqual({ status: "1", customer_id: "12345678901", meter_no: "548933889287",
      subscriber_id: "12345678901", name: "Sintya Oktaviani", segment_power: "R1 /000001300", message: "SUCCESS", rc: "00" });
    expect((await inquiry("99999999999")).json.data).toMatchObject({ status: "2", rc: "14" });
  });

  it("posts callbacks {data:{…, sign: md5(username+api_key+ref_id)}}: good, bad, duplicate, out of order", async () => {
    const receiver = await using(startReceiver());
    const fake = await using(startIakFake({ username: USER, apiKey: KEY, callbackUrl: receiver.url }));
    await topUp(fake.url, "cb-1", "hpln20000", "12345678901");
    fake.complete("cb-1", "1234-5678-9012-3456-7890");
    expect((await fake.callback("cb-1")).status).toBe(200);
    await fake.callback("cb-1");
    await fake.callback("cb-1", { status: 0 });
    await fake.callback("cb-1", { badSignature: true });
    const data = receiver.received.map((r) => (r.body as Json).data as Json);
    expect(data.map((d) => d.sign === md5Hex(`${USER}${KEY}${d.ref_id}`))).toEqual([true, true, true, false]);
    expect(data.map((d) => [d.status, d.rc])).toEqual([["1", "00"], ["1", "00"], ["0", "39"], ["1", "00"]]);
    expect(data[0]).toEqual({ ref_id: "cb-1", status: "1", product_code: "hpln20000", customer_id: "12345678901", price: "20500", message: "SUCCESS",
      sn: "1234-5678-9012-3456-7890", balance: expect.stringMatching(/^\d+$/), tr_id: expect.stringMatching(/^\d+$/), rc: "00", sign: sign("cb-1") });
    expect(receiver.received[0]?.rawBody).toBe(receiver.received[1]?.rawBody);
    expect(fake.state.orders.get("cb-1")?.status).toBe(1);
  });
});

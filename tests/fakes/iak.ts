// A local fake of the IAK prepaid API v2 (the API seed 002 documents): top-up, check-status,
// pricelist, check-balance, inquiry-pln, all POST JSON signed with md5, answering {data:{…, rc}}
// with HTTP 200; and IAK's callback to the client, {data:{…, sign: md5(username+api_key+ref_id)}}.
// What is documented and what was chosen: docs/providers.md § IAK prepaid.
import {
  asRecord, deliver, isFault, isNonEmptyString, md5Hex, Script, startFakeServer, withFault,
  type Delivery, type Fault, type LoggedRequest, type Outcome, type Reply,
} from "./http";

export type IakProduct = {
  product_code: string;
  product_description: string;
  product_nominal: string;
  product_details: string;
  product_price: number;
  product_type: string; // pulsa | data | pln | game | etoll | voucher | …
  active_period: string;
  status: "active" | "non active";
  icon_url: string;
  product_category: string;
  /** The operator segment of /api/pricelist/{type}/{operator}; not part of the answer. */
  operator: string;
};
export type IakOrder = {
  ref_id: string;
  tr_id: number;
  product_code: string;
  customer_id: string;
  price: number;
  status: 0 | 1 | 2; // 0 PROCESS, 1 SUCCESS, 2 FAILED
  rc: string;
  message: string;
  sn?: string;
  pin?: string;
  balance: number;
};
export type PlnHolder = { meter_no: string; subscriber_id: string; name: string; segment_power: string };
export type IakOptions = {
  username: string;
  apiKey: string;
  callbackUrl?: string;
  balance?: number;
  products?: IakProduct[];
  plnCustomers?: Record<string, PlnHolder>;
};
export type IakOp = "topUp" | "checkStatus" | "pricelist" | "checkBalance" | "inquiryPln";
/** `fail` answers a documented response code: on top-up it records a FAILED order (status 2) with that rc. */
export type IakAnswer = Fault | { kind: "fail"; rc: string };
export type IakCallbackOptions = { to?: string; badSignature?: boolean; status?: 0 | 1 | 2; overrides?: Record<string, unknown> };

/** The prepaid response-code table (docs/prepaid/response-code.md), plus 208 from IAK's own SDK. */
export const IAK_RC: Record<string, string> = {
  "00": "SUCCESS", "06": "TRANSACTION NOT FOUND", "07": "FAILED", "13": "CUSTOMER NUMBER BLOCKED", "14": "INCORRECT DESTINATION NUMBER",
  "16": "NUMBER NOT MATCH WITH OPERATOR", "17": "INSUFFICIENT DEPOSIT", "20": "CODE NOT FOUND", "39": "PROCESS", "102": "INVALID IP ADDRESS",
  "106": "PRODUCT IS TEMPORARILY OUT OF SERVICE", "117": "PAGE NOT FOUND", "118": "ACCOUNT SUSPENDED", "201": "UNDEFINED RESPONSE CODE",
  "204": "WRONG AUTHENTICATION", "208": "INVALID DATA",
};
/** rc → transaction status: 00 success, 39/201 still pending, anything else failed. */
export const iakStatusOf = (rc: string): 0 | 1 | 2 => (rc === "00" ? 1 : rc === "39" || rc === "201" ? 0 : 2);
export const iakSign = (username: string, apiKey: string, salt: string) => md5Hex(`${username}${apiKey}${salt}`);

const ML_ICON = "https://cdn.mobilepulsa.net/img/product/operator_list/140119035948-Moba-01.png";
const product = (p: Omit<IakProduct, "product_details" | "icon_url" | "status"> & Partial<IakProduct>): IakProduct =>
  ({ product_details: "-", icon_url: "-", status: "active", ...p });
/** A few realistic items per type (codes from IAK's docs and SDK mocks where they exist, others illustrative). */
export const DEFAULT_IAK_PRODUCTS: IakProduct[] = [
  product({ product_code: "xld10000", product_description: "XL", product_nominal: "10000", product_price: 10_900, product_type: "pulsa", active_period: "15", product_category: "pulsa", operator: "xl" }),
  product({ product_code: "xld25000", product_description: "XL", product_nominal: "25000", product_price: 25_000, product_type: "pulsa", active_period: "30", product_category: "pulsa", operator: "xl" }),
  product({ product_code: "htelkomsel10000", product_description: "Telkomsel", product_nominal: "10000", product_price: 10_750, product_type: "pulsa", active_period: "15", product_category: "pulsa", operator: "telkomsel" }),
  product({ product_code: "hindosat5000", product_description: "Indosat", product_nominal: "5000", product_price: 5_900, product_type: "pulsa", active_period: "7", product_category: "pulsa", operator: "indosat", status: "non active" }),
  product({ product_code: "xlxtracombo10", product_description: "XL Paket Internet", product_nominal: "Xtra Combo 10GB", product_details: "10GB + 20GB YouTube, 30 hari", product_price: 59_000, product_type: "data", active_period: "30", product_category: "data", operator: "xl_paket_internet" }),
  product({ product_code: "tselflash1gb", product_description: "Telkomsel Paket Internet", product_nominal: "Flash 1GB", product_details: "1GB, 7 hari", product_price: 13_500, product_type: "data", active_period: "7", product_category: "data", operator: "telkomsel_paket_internet" }),
  product({ product_code: "hpln20000", product_description: "PLN", product_nominal: "20000", product_details: "Token PLN 20.000", product_price: 20_500, product_type: "pln", active_period: "0", product_category: "pln", operator: "pln" }),
  product({ product_code: "hpln50000", product_description: "PLN", product_nominal: "50000", product_details: "Token PLN 50.000", product_price: 50_500, product_type: "pln", active_period: "0", product_category: "pln", operator: "pln" }),
  product({ product_code: "hmobilelegend12", product_description: "Mobile Legend", product_nominal: "12 Diamonds", product_price: 3_500, product_type: "game", active_period: "0", product_category: "game", operator: "mobile_legend", icon_url: ML_ICON }),
  product({ product_code: "hmobilelegend110", product_description: "Mobile Legend", product_nominal: "110 Diamonds", product_price: 30_000, product_type: "game", active_period: "0", product_category: "game", operator: "mobile_legend", icon_url: ML_ICON }),
];

export async function startIakFake(options: IakOptions) {
  const products = options.products ?? DEFAULT_IAK_PRODUCTS;
  const pln = options.plnCustomers ?? { "12345678901": { meter_no: "548933889287", subscriber_id: "12345678901", name: "Sintya Oktaviani", segment_power: "R1 /000001300" } };
  const orders = new Map<string, IakOrder>();
  const callbacks: Delivery[] = [];
  const script = new Script<IakOp, IakAnswer>();
  const state = { orders, callbacks, balance: options.balance ?? 1_000_000_000 };
  let trId = 3480;

  const data = (d: Record<string, unknown>, status = 200): Reply => ({ status, body: { data: d } });
  const rcOnly = (rc: string) => data({ message: IAK_RC[rc] ?? "FAILED", rc });
  const orderData = (o: IakOrder) => data({ ref_id: o.ref_id, status: o.status, product_code: o.product_code, customer_id: o.customer_id,
    price: o.price, message: o.message, ...(o.sn ? { sn: o.sn } : {}), ...(o.pin ? { pin: o.pin } : {}), balance: o.balance, tr_id: o.tr_id, rc: o.rc });
  const signed = (b: Record<string, unknown>, salt: unknown) =>
    b.username === options.username && b.sign === iakSign(options.username, options.apiKey, String(salt));

  function validCustomer(p: IakProduct, id: string): boolean {
    if (p.product_type === "pulsa" || p.product_type === "data") return /^(08|628)\d{7,12}$/.test(id);
    if (p.product_type === "pln") return /^\d{11,12}$/.test(id);
    return id.trim() !== "";
  }

  function topUp(b: Record<string, unknown>, scriptedRc?: string): Reply {
    const ref = String(b.ref_id);
    const existing = orders.get(ref);
    if (existing) return orderData(existing); // a repeated ref_id is a status check, never a second purchase
    const p = products.find((x) => x.product_code === b.product_code);
    const customer = String(b.customer_id);
    const rc = scriptedRc ?? (!p ? "20" : p.status !== "active" ? "106" : !validCustomer(p, customer) ? "14" : p.product_price > state.balance ? "17" : "39");
    trId += 1;
    const o: IakOrder = { ref_id: ref, tr_id: trId, product_code: String(b.product_code), customer_id: customer, price: p?.product_price ?? 0,
      status: iakStatusOf(rc), rc, message: IAK_RC[rc] ?? "FAILED", balance: state.balance };
    if (o.status !== 2) o.balance = state.balance -= o.price;
    orders.set(ref, o);
    return orderData(o);
  }

  function pricelist(b: Record<string, unknown>, type?: string, operator?: string): Reply {
    if (type && !products.some((p) => p.product_type === type)) return rcOnly("20");
    if (operator && !products.some((p) => p.product_type === type && p.operator === operator)) return rcOnly("20");
    const wanted = String(b.status ?? "all");
    const list = products
      .filter((p) => (!type || p.product_type === type) && (!operator || p.operator === operator) && (wanted === "all" || p.status === wanted))
      .map(({ operator: _op, ...item }) => item);
    return data({ pricelist: list, message: "SUCCESS", rc: "00" });
  }

  function inquiryPln(b: Record<string, unknown>): Reply {
    const id = String(b.customer_id);
    const holder = pln[id];
    if (!holder) return data({ status: "2", customer_id: id, message: IAK_RC["14"], rc: "14" });
    return data({ status: "1", customer_id: id, ...holder, message: "SUCCESS", rc: "00" });
  }

  function handle(req: LoggedRequest): Outcome {
    const b = asRecord(req.body);
    const pl = /^\/api\/pricelist(?:\/([^/]+))?(?:\/([^/]+))?\/?$/.exec(req.path);
    const op: IakOp | undefined = req.path === "/api/top-up" ? "topUp" : req.path === "/api/check-status" ? "checkStatus" : pl ? "pricelist"
      : req.path === "/api/check-balance" ? "checkBalance" : req.path === "/api/inquiry-pln" ? "inquiryPln" : undefined;
    if (req.method !== "POST" || !op) return { reply: data({ message: IAK_RC["117"], rc: "117" }, 404) };
    if (req.body === undefined || !isNonEmptyString(b.username) || !isNonEmptyString(b.sign)) return { reply: rcOnly("208") };
    const required: string[] = { topUp: ["ref_id", "customer_id", "product_code"], checkStatus: ["ref_id"], inquiryPln: ["customer_id"], pricelist: [], checkBalance: [] }[op];
    if (required.some((f) => !isNonEmptyString(b[f]))) return { reply: rcOnly("208") };
    const salt = { topUp: b.ref_id, checkStatus: b.ref_id, pricelist: "pl", checkBalance: "bl", inquiryPln: b.customer_id }[op];
    if (!signed(b, salt)) return { reply: rcOnly("204") };
    const answer = script.next(op);
    if (answer?.kind === "fail" && op === "topUp") return { reply: topUp(b, answer.rc) };
    if (answer?.kind === "fail") return { reply: op === "checkStatus" ? data({ ref_id: b.ref_id, status: iakStatusOf(answer.rc), message: IAK_RC[answer.rc] ?? "FAILED", rc: answer.rc }) : rcOnly(answer.rc) };
    return withFault(isFault(answer) ? answer : undefined, (): Reply => {
      if (op === "topUp") return topUp(b);
      if (op === "checkStatus") {
        const o = orders.get(String(b.ref_id));
        return o ? orderData(o) : data({ ref_id: b.ref_id, status: 2, message: IAK_RC["06"], rc: "06" });
      }
      if (op === "pricelist") return pricelist(b, pl?.[1] && decodeURIComponent(pl[1]), pl?.[2] && decodeURIComponent(pl[2]));
      if (op === "checkBalance") return data({ balance: state.balance, message: "SUCCESS", rc: "00" });
      return inquiryPln(b);
    });
  }

  const server = await startFakeServer(handle);

  function mustFind(refId: string): IakOrder {
    const o = orders.get(refId);
    if (!o) throw new Error(`iak fake: no order ${refId}`);
    return o;
  }
  /** The callback body IAK posts (v2 field names, every value a string, as in the docs' examples). */
  function callbackBody(refId: string, opts: IakCallbackOptions = {}): { data: Record<string, unknown> } {
    const o = mustFind(refId);
    const status = opts.status ?? o.status;
    const rc = status === o.status ? o.rc : status === 1 ? "00" : status === 0 ? "39" : "07";
    const key = opts.badSignature ? `${options.apiKey}-wrong` : options.apiKey;
    return { data: { ref_id: o.ref_id, status: String(status), product_code: o.product_code, customer_id: o.customer_id, price: String(o.price),
      message: IAK_RC[rc] ?? "FAILED", ...(status === 1 && o.sn ? { sn: o.sn } : {}), ...(status === 1 && o.pin ? { pin: o.pin } : {}),
      balance: String(o.balance), tr_id: String(o.tr_id), rc, ...opts.overrides, sign: iakSign(options.username, key, o.ref_id) } };
  }

  return {
    url: server.url,
    requests: server.requests,
    close: server.close,
    state,
    script: (op: IakOp, ...answers: IakAnswer[]) => script.push(op, ...answers),
    /** The operator delivered: SUCCESS with a serial number (PLN: the token). Sends nothing. */
    complete(refId: string, sn = String(Date.now()).padStart(20, "0").slice(-20), pin?: string) {
      Object.assign(mustFind(refId), { status: 1, rc: "00", message: IAK_RC["00"], sn, ...(pin ? { pin } : {}) });
    },
    /** The operator refused: FAILED with `rc` (default 07), the price goes back to the balance. Sends nothing. */
    fail(refId: string, rc = "07") {
      const o = mustFind(refId);
      if (o.status !== 2) o.balance = state.balance += o.price;
      Object.assign(o, { status: 2, rc, message: IAK_RC[rc] ?? "FAILED" });
    },
    callbackBody,
    /** POSTs the callback for an order (its current status unless `status` is given); never changes state. */
    async callback(refId: string, opts: IakCallbackOptions = {}): Promise<Delivery> {
      const to = opts.to ?? options.callbackUrl;
      if (!to) throw new Error("iak fake: no callback URL (pass `to` or callbackUrl)");
      const sent = await deliver(to, JSON.stringify(callbackBody(refId, opts)), { "content-type": "application/json" });
      callbacks.push(sent);
      return sent;
    },
  };
}

export type IakFake = Awaited<ReturnType<typeof startIakFake>>;

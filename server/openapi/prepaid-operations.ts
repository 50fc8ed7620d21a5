import { z } from "zod";
import { checkBalanceSchema, checkStatusSchema, inquiryPlnSchema, pricelistSchema, topUpSchema } from "../prepaid/schemas";
import { restOperation, type ApiOperation, type OperationSpec, type Text } from "./operation";

const rc = z.string().meta({ description: "Response code (see the table in the README): 00 success, 39 process, 07 failed, 17 insufficient deposit, 204 wrong sign…", example: "39" });

const Order = z
  .object({
    data: z
      .object({
        ref_id: z.string(),
        status: z.number().int().min(0).max(2).meta({ description: "0 PROCESS, 1 SUCCESS, 2 FAILED" }),
        product_code: z.string(),
        customer_id: z.string(),
        price: z.number().int(),
        message: z.string(),
        balance: z.number().int(),
        tr_id: z.number().int(),
        rc,
        sn: z.string().optional(),
      })
      .partial({ status: true, product_code: true, customer_id: true, price: true, balance: true, tr_id: true })
      .required({ ref_id: true, message: true, rc: true }),
  })
  .meta({ id: "PrepaidOrder" });

const Balance = z.object({ data: z.object({ balance: z.number().int().optional(), message: z.string(), rc }) }).meta({ id: "PrepaidBalance" });
const Pricelist = z
  .object({
    data: z.object({
      pricelist: z.array(z.object({ product_code: z.string(), product_description: z.string().optional(), product_nominal: z.string().optional(), product_price: z.number().optional(), status: z.string().optional() }).catchall(z.unknown())).optional(),
      message: z.string(),
      rc,
    }),
  })
  .meta({ id: "PrepaidPricelist" });
const PlnInquiry = z
  .object({ data: z.object({ customer_id: z.string(), name: z.string().optional(), segment_power: z.string().optional(), message: z.string(), rc }).catchall(z.unknown()) })
  .meta({ id: "PrepaidPlnInquiry" });

type SignSuffix = NonNullable<ApiOperation["signSuffix"]>;

/**
 * A prepaid (IAK-compatible) operation: POST, signed rather than keyed, JSON or XML, always
 * HTTP 200 with an rc code. The description says how to sign, after `lead` when given.
 */
function prepaidOperation(operationId: string, path: `/${string}`, spec: Omit<OperationSpec, "group" | "description" | "auth" | "xml" | "errors"> & { signSuffix: SignSuffix; lead?: Text }): ApiOperation {
  const { lead, ...rest } = spec;
  const signed = signingText(spec.signSuffix);
  const description = lead ? { id: `${lead.id} ${signed.id}`, en: `${lead.en} ${signed.en}` } : signed;
  return restOperation(operationId, `post ${path}`, { ...rest, group: "prepaid", description, auth: "sign", xml: true });
}

function signingText(suffix: SignSuffix): Text {
  const value = "literal" in suffix ? `"${suffix.literal}"` : suffix.param;
  return {
    id: `Kirim username (nomor HP terdaftar) dan sign = md5(username + api_key + ${value}). Body JSON atau XML (<mp>…</mp>), jawaban dalam format yang sama; status HTTP 200 dengan kode rc.`,
    en: `Send username (your registered phone number) and sign = md5(username + api_key + ${value}). JSON or XML (<mp>…</mp>) body, answered in the same format; HTTP 200 with an rc code.`,
  };
}

export const prepaidOperations: ApiOperation[] = [
  prepaidOperation("prepaidTopUp", "/api/prepaid/top-up", {
    summary: { id: "Top up produk prabayar", en: "Top up a prepaid product" },
    lead: {
      id: "Pertama kali selalu PROCESS (status 0, rc 39) dengan harga ditahan; ref_id yang sama tidak membeli lagi tetapi menjawab status pesanan.",
      en: "The first answer is always PROCESS (status 0, rc 39) with the price held; the same ref_id never buys twice, it answers the order's status.",
    },
    body: topUpSchema,
    signSuffix: { param: "ref_id" },
    example: { body: { username: "081234500001", ref_id: "order001", customer_id: "0817777215", product_code: "xld25000", sign: "<md5>" } },
    response: Order,
    responseExample: { data: { ref_id: "order001", status: 0, product_code: "xld25000", customer_id: "0817777215", price: 25000, message: "PROCESS", balance: 997061249, tr_id: 3482, rc: "39" } },
  }),
  prepaidOperation("prepaidCheckStatus", "/api/prepaid/check-status", {
    summary: { id: "Cek status pesanan", en: "Check an order's status" },
    body: checkStatusSchema,
    signSuffix: { param: "ref_id" },
    example: { body: { username: "081234500001", ref_id: "order001", sign: "<md5>" } },
    response: Order,
    responseExample: { data: { ref_id: "order001", status: 1, product_code: "xld25000", customer_id: "0817777215", price: 25000, message: "SUCCESS", balance: 997061249, tr_id: 3482, rc: "00", sn: "1234567890" } },
  }),
  prepaidOperation("prepaidPricelist", "/api/prepaid/pricelist", {
    summary: { id: "Daftar harga", en: "Price list" },
    body: pricelistSchema,
    signSuffix: { literal: "pl" },
    example: { body: { username: "081234500001", type: "pulsa", sign: "<md5>" } },
    response: Pricelist,
    responseExample: { data: { pricelist: [{ product_code: "htelkomsel10000", product_description: "Telkomsel", product_nominal: "10000", product_price: 10650, status: "active" }], message: "SUCCESS", rc: "00" } },
  }),
  prepaidOperation("prepaidCheckBalance", "/api/prepaid/check-balance", {
    summary: { id: "Cek saldo (prabayar)", en: "Check balance (prepaid)" },
    body: checkBalanceSchema,
    signSuffix: { literal: "bl" },
    example: { body: { username: "081234500001", sign: "<md5>" } },
    response: Balance,
    responseExample: { data: { balance: 1250000, message: "SUCCESS", rc: "00" } },
  }),
  prepaidOperation("prepaidInquiryPln", "/api/prepaid/inquiry-pln", {
    summary: { id: "Inquiry PLN", en: "PLN inquiry" },
    body: inquiryPlnSchema,
    signSuffix: { param: "customer_id" },
    example: { body: { username: "081234500001", customer_id: "12345678901", sign: "<md5>" } },
    response: PlnInquiry,
    responseExample: { data: { customer_id: "12345678901", name: "BUDI SANTOSO", segment_power: "R1 /1300", message: "SUCCESS", rc: "00" } },
  }),
];

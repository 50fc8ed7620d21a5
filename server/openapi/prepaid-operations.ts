import { z } from "zod";
import { checkBalanceSchema, checkStatusSchema, inquiryPlnSchema, pricelistSchema, topUpSchema } from "../prepaid/schemas";
import type { ApiOperation } from "./operation";

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

const signed = (suffix: string) => ({
  id: `Kirim username (nomor HP terdaftar) dan sign = md5(username + api_key + ${suffix}). Body JSON atau XML (<mp>…</mp>), jawaban dalam format yang sama; status HTTP 200 dengan kode rc.`,
  en: `Send username (your registered phone number) and sign = md5(username + api_key + ${suffix}). JSON or XML (<mp>…</mp>) body, answered in the same format; HTTP 200 with an rc code.`,
});

const base = { group: "prepaid" as const, method: "post" as const, auth: "sign" as const, xml: true, errors: [] };

export const prepaidOperations: ApiOperation[] = [
  {
    ...base,
    operationId: "prepaidTopUp",
    path: "/api/prepaid/top-up",
    routeFile: "app/api/prepaid/top-up/route.ts",
    summary: { id: "Top up produk prabayar", en: "Top up a prepaid product" },
    description: {
      id: `Pertama kali selalu PROCESS (status 0, rc 39) dengan harga ditahan; ref_id yang sama tidak membeli lagi tetapi menjawab status pesanan. ${signed("ref_id").id}`,
      en: `The first answer is always PROCESS (status 0, rc 39) with the price held; the same ref_id never buys twice, it answers the order's status. ${signed("ref_id").en}`,
    },
    body: topUpSchema,
    signSuffix: { param: "ref_id" },
    response: Order,
    example: { body: { username: "081234500001", ref_id: "order001", customer_id: "0817777215", product_code: "xld25000", sign: "<md5>" } },
    responseExample: { data: { ref_id: "order001", status: 0, product_code: "xld25000", customer_id: "0817777215", price: 25000, message: "PROCESS", balance: 997061249, tr_id: 3482, rc: "39" } },
  },
  {
    ...base,
    operationId: "prepaidCheckStatus",
    path: "/api/prepaid/check-status",
    routeFile: "app/api/prepaid/check-status/route.ts",
    summary: { id: "Cek status pesanan", en: "Check an order's status" },
    description: signed("ref_id"),
    body: checkStatusSchema,
    signSuffix: { param: "ref_id" },
    response: Order,
    example: { body: { username: "081234500001", ref_id: "order001", sign: "<md5>" } },
    responseExample: { data: { ref_id: "order001", status: 1, product_code: "xld25000", customer_id: "0817777215", price: 25000, message: "SUCCESS", balance: 997061249, tr_id: 3482, rc: "00", sn: "1234567890" } },
  },
  {
    ...base,
    operationId: "prepaidPricelist",
    path: "/api/prepaid/pricelist",
    routeFile: "app/api/prepaid/pricelist/route.ts",
    summary: { id: "Daftar harga", en: "Price list" },
    description: signed('"pl"'),
    body: pricelistSchema,
    signSuffix: { literal: "pl" },
    response: Pricelist,
    example: { body: { username: "081234500001", type: "pulsa", sign: "<md5>" } },
    responseExample: { data: { pricelist: [{ product_code: "htelkomsel10000", product_description: "Telkomsel", product_nominal: "10000", product_price: 10650, status: "active" }], message: "SUCCESS", rc: "00" } },
  },
  {
    ...base,
    operationId: "prepaidCheckBalance",
    path: "/api/prepaid/check-balance",
    routeFile: "app/api/prepaid/check-balance/route.ts",
    summary: { id: "Cek saldo (prabayar)", en: "Check balance (prepaid)" },
    description: signed('"bl"'),
    body: checkBalanceSchema,
    signSuffix: { literal: "bl" },
    response: Balance,
    example: { body: { username: "081234500001", sign: "<md5>" } },
    responseExample: { data: { balance: 1250000, message: "SUCCESS", rc: "00" } },
  },
  {
    ...base,
    operationId: "prepaidInquiryPln",
    path: "/api/prepaid/inquiry-pln",
    routeFile: "app/api/prepaid/inquiry-pln/route.ts",
    summary: { id: "Inquiry PLN", en: "PLN inquiry" },
    description: signed("customer_id"),
    body: inquiryPlnSchema,
    signSuffix: { param: "customer_id" },
    response: PlnInquiry,
    example: { body: { username: "081234500001", customer_id: "12345678901", sign: "<md5>" } },
    responseExample: { data: { customer_id: "12345678901", name: "BUDI SANTOSO", segment_power: "R1 /1300", message: "SUCCESS", rc: "00" } },
  },
];

// POST /api/prepaid/pricelist: sign = md5(username + api_key + "pl"). Optional `type` (pulsa,
// data, pln, games, etoll) and `operator` filters and `status` (all | active | non active,
// default all), in the body or the query string. JSON answers `data.pricelist` as an array;
// XML repeats a `<pricelist>` element per product inside `<mp>`.
import type { PrepaidProduct } from "../db";
import { authenticatePrepaid, type PrepaidRequestContext } from "./authenticate";
import { operatorName } from "./catalogue";
import { findProducts } from "./list-products";
import { RESPONSE_CODES } from "./response-codes";
import { isSellable } from "./sellable";
import type { PricelistRequest } from "./schemas";
import type { PrepaidReply, WireRecord } from "./wire";

export function pricelistEntry(product: PrepaidProduct): WireRecord {
  return {
    product_code: product.code,
    product_description: operatorName(product.operator),
    product_nominal: product.nominal.toString(),
    product_details: product.name,
    product_price: Number(product.price),
    product_type: product.type,
    product_operator: product.operator,
    active_period: "0",
    status: isSellable(product) ? "active" : "non active",
  };
}

export async function pricelist(request: PricelistRequest, context: PrepaidRequestContext = {}): Promise<PrepaidReply> {
  const auth = await authenticatePrepaid({ username: request.username, sign: request.sign, signed: "pl", ip: context.ip });
  if (!auth.ok) return { data: { message: auth.rc.message, rc: auth.rc.rc } };
  const products = await findProducts({
    type: request.type?.toLowerCase(),
    operator: request.operator?.toLowerCase(),
    sellable: request.status === "all" ? undefined : request.status === "active",
  });
  return { data: { pricelist: products.map(pricelistEntry), message: RESPONSE_CODES.SUCCESS.message, rc: RESPONSE_CODES.SUCCESS.rc } };
}

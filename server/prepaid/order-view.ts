// An order as the prepaid API, its callbacks and check-status show it: seed 002's response
// `data` (ref_id, status, product_code, customer_id, price, message, balance, tr_id, rc) + `sn`.
import type { PrepaidOrder } from "../db";
import type { WireRecord } from "./wire";

export type OrderData = {
  ref_id: string;
  status: number;
  product_code: string;
  customer_id: string;
  price: number;
  message: string;
  balance: number;
  tr_id: number;
  rc: string;
  sn: string;
};

/** `balance` is the merchant's available balance at the time of the answer. */
export function orderData(order: PrepaidOrder, balance: bigint): OrderData & WireRecord {
  return {
    ref_id: order.refId,
    status: order.status,
    product_code: order.productCode,
    customer_id: order.customerId,
    price: Number(order.price),
    message: order.message,
    balance: Number(balance),
    tr_id: order.trId,
    rc: order.rc,
    sn: order.sn ?? "",
  };
}

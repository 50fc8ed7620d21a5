// Where prepaid products come from: what every supplier (an IAK-like aggregator, an operator's
// H2H) offers Saldo. The sandbox implements it first; a real one plugs in behind the same calls.
import { sandboxPrepaidSupplier } from "./sandbox/prepaid-supplier";

export type SupplierOrder = {
  trId: number;
  refId: string;
  productCode: string;
  productType: string;
  customerId: string;
  price: bigint;
  createdAt: Date;
};

/** When to ask for the result, and the supplier's own reference. */
export type SupplierTicket = { supplierRef: string; checkAfter: Date };

export type SupplierOutcome =
  | { status: "pending"; checkAfter: Date }
  | { status: "success"; sn: string }
  | { status: "failed"; reason: string };

/** A PLN prepaid meter's holder, as an inquiry shows it before buying. */
export type PlnCustomer = { meterNo: string; subscriberId: string; name: string; tariff: string; power: number };

export interface PrepaidSupplier {
  readonly name: string;
  /**
   * Takes a new order. Called inside the transaction that creates it, so it must have no effect
   * of its own outside that transaction (a real supplier is called from the worker instead).
   */
  accept(order: SupplierOrder, now: Date): SupplierTicket;
  /** The order's result, asked by the worker once `checkAfter` has passed. */
  result(order: SupplierOrder & { supplierRef: string | null }): Promise<SupplierOutcome>;
  /** A PLN meter's holder, or null when the meter does not exist. */
  inquiryPln(meterNo: string): Promise<PlnCustomer | null>;
}

/** The supplier that fills prepaid orders. Only the sandbox exists so far. */
export function prepaidSupplier(): PrepaidSupplier {
  return sandboxPrepaidSupplier;
}

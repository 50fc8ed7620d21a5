// Reading the catalogue: by type and operator, with a search over code and name. The catalogue
// is small (tens to a few hundred rows), so the search is done here, case-insensitively and the
// same on SQLite and PostgreSQL, after the database has narrowed by type and operator.
import { db, type PrepaidProduct } from "../db";
import { OPERATORS, PRODUCT_TYPES } from "./catalogue";
import { isSellable } from "./sellable";
import { pageResult, pageSkip } from "../../lib/pagination";

/** `active`: the admin's switch alone; `sellable`: what merchants may buy now (./sellable.ts). */
export type ProductFilter = { type?: string; operator?: string; search?: string; active?: boolean; sellable?: boolean };

const typeRank = (type: string) => {
  const i = (PRODUCT_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? PRODUCT_TYPES.length : i;
};
const OPERATOR_ORDER = Object.keys(OPERATORS);
const operatorRank = (operator: string) => {
  const i = OPERATOR_ORDER.indexOf(operator);
  return i < 0 ? OPERATOR_ORDER.length : i;
};

export function compareProducts(a: PrepaidProduct, b: PrepaidProduct): number {
  return (
    typeRank(a.type) - typeRank(b.type) ||
    operatorRank(a.operator) - operatorRank(b.operator) ||
    (a.price < b.price ? -1 : a.price > b.price ? 1 : 0) ||
    a.code.localeCompare(b.code)
  );
}

/** Every product matching the filter, in catalogue order (type, operator, price). */
export async function findProducts(filter: ProductFilter = {}): Promise<PrepaidProduct[]> {
  const rows = await db.prepaidProduct.findMany({
    where: {
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.operator ? { operator: filter.operator } : {}),
      ...(filter.active !== undefined ? { active: filter.active } : {}),
    },
  });
  const needle = filter.search?.trim().toLowerCase();
  const matching = rows.filter(
    (p) =>
      (!needle || p.code.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle)) &&
      (filter.sellable === undefined || isSellable(p) === filter.sellable),
  );
  return matching.sort(compareProducts);
}

/** One page of products (the portal's price list and the admin's editor). */
export async function listProducts(filter: ProductFilter & { page: number; pageSize: number }) {
  const all = await findProducts(filter);
  const { page, pageSize } = filter;
  const start = pageSkip({ page, pageSize });
  return pageResult(all.slice(start, start + pageSize), all.length, { page, pageSize });
}

/** A product by its code, active or not (null when unknown). */
export async function getProduct(code: string) {
  return db.prepaidProduct.findUnique({ where: { code } });
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah } from "@/lib/format";
import { OPERATORS, PRODUCT_TYPES, operatorName, type OperatorCode } from "@/server/prepaid/catalogue";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { BuyForm } from "./buy-form";
import { OrderHistory } from "./order-history";
import { PrepaidApiCard } from "./prepaid-api-card";

export async function generateMetadata() {
  return { title: (await getTranslations("prepaid"))("title") };
}

const CATALOGUE_PAGE_SIZE = 15;
const ORDERS_PAGE_SIZE = 10;
const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 64) : "");

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const ordersPage = pageParam(params.orders);
  const type = PRODUCT_TYPES.find((candidate) => candidate === params.type);
  const operator = (Object.keys(OPERATORS) as OperatorCode[]).find((candidate) => candidate === params.operator);
  const search = text(params.q);
  const preselect = text(params.product) || undefined;

  const [t, trpc] = await Promise.all([getTranslations("prepaid"), serverTrpc()]);
  const [catalogue, buyable, orders, credentials] = await Promise.all([
    trpc.prepaid.catalogue({ page, pageSize: CATALOGUE_PAGE_SIZE, type, operator, search: search || undefined }),
    trpc.prepaid.buyable(),
    trpc.prepaid.orders({ page: ordersPage, pageSize: ORDERS_PAGE_SIZE }),
    trpc.prepaid.credentials(),
  ]);
  const query = (changes: Record<string, string | number | undefined>) => {
    const current: Record<string, string | number | undefined> = { type, operator, q: search || undefined, page, orders: ordersPage, ...changes };
    const entries = Object.entries(current).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== "" && entry[1] !== 1);
    return `/products?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
  };
  const operatorsForFilter = (Object.keys(OPERATORS) as OperatorCode[]).filter((code) => !type || (OPERATORS[code].types as readonly string[]).includes(type));

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="border-b border-slate-200 px-4 py-3">
            <h2 className="font-semibold">{t("buy.title")}</h2>
          </div>
          <div className="p-4" id="buy">
            <BuyForm
              key={preselect ?? "none"}
              products={buyable.map((p) => ({ code: p.code, type: p.type, operator: p.operator, operatorName: operatorName(p.operator), name: p.name, price: p.price.toString() }))}
              initialCode={preselect}
            />
          </div>
        </Card>
        <Card>
          <PrepaidApiCard username={credentials.username} apiKey={credentials.apiKey} />
        </Card>
      </div>

      <Card className="mb-6">
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("orders.title")}</h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("orders.subtitle")}</p>
        </div>
        {orders.total === 0 ? (
          <EmptyState title={t("orders.empty")} body={t("orders.emptyBody")} />
        ) : (
          <>
            <OrderHistory
              orders={orders.items.map((o) => ({
                trId: o.trId,
                refId: o.refId,
                productName: o.productName,
                productCode: o.productCode,
                customerId: o.customerId,
                price: o.price.toString(),
                status: o.status,
                sn: o.sn,
                createdAt: o.createdAt.toISOString(),
              }))}
            />
            <Pagination
              page={orders.page}
              totalPages={orders.totalPages}
              hrefFor={(p) => query({ orders: p })}
            />
          </>
        )}
      </Card>

      <Card>
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("catalogue.title")}</h2>
        </div>
        <form className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" action="/products">
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-type" className="text-sm font-medium text-slate-700">{t("catalogue.type")}</label>
            <select id="catalogue-type" name="type" defaultValue={type ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{t("catalogue.allTypes")}</option>
              {PRODUCT_TYPES.map((value) => (
                <option key={value} value={value}>{t(`types.${value}`)}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-operator" className="text-sm font-medium text-slate-700">{t("catalogue.operator")}</label>
            <select id="catalogue-operator" name="operator" defaultValue={operator ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{t("catalogue.allOperators")}</option>
              {operatorsForFilter.map((code) => (
                <option key={code} value={code}>{OPERATORS[code].name}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-q" className="text-sm font-medium text-slate-700">{t("catalogue.search")}</label>
            <input id="catalogue-q" name="q" defaultValue={search} placeholder={t("catalogue.searchPlaceholder")} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </div>
          <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("catalogue.apply")}</button>
        </form>
        {catalogue.total === 0 ? (
          <EmptyState title={t("catalogue.empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("catalogue.columns.code")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("catalogue.columns.product")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("catalogue.columns.operator")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("catalogue.columns.type")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("catalogue.columns.price")}</th>
                    <th scope="col" className="px-4 py-2"><span className="sr-only">{t("catalogue.buy")}</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {catalogue.items.map((p) => (
                    <tr key={p.code} data-testid="product-row">
                      <td className="px-4 py-2 font-mono text-xs">{p.code}</td>
                      <td className="px-4 py-2">{p.name}</td>
                      <td className="px-4 py-2">{operatorName(p.operator)}</td>
                      <td className="px-4 py-2">{PRODUCT_TYPES.find((value) => value === p.type) ? t(`types.${p.type as "pulsa"}`) : p.type}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right font-medium">{formatRupiah(p.price)}</td>
                      <td className="px-4 py-2 text-right">
                        <Link href={`${query({ product: p.code })}#buy`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`${t("catalogue.buy")} ${p.name}`}>
                          {t("catalogue.buy")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={catalogue.page}
              totalPages={catalogue.totalPages}
              hrefFor={(p) => query({ page: p })}
            />
          </>
        )}
      </Card>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah } from "@/lib/format";
import { OPERATORS, PRODUCT_TYPES, operatorName, type OperatorCode } from "@/server/prepaid/catalogue";
import { DataTable } from "../../_components/data-table";
import { Field } from "../../_components/field";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { Card, CardHeader, PageHeader, pageParam, textParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { RoleNotice } from "../../_components/role-notice";
import { serverTrpc } from "../../_trpc/server";
import { BuyForm } from "./buy-form";
import { OrderHistory } from "./order-history";
import { PrepaidApiCard } from "./prepaid-api-card";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("prepaid");

const CATALOGUE_PAGE_SIZE = 15;
const ORDERS_PAGE_SIZE = 10;

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const ordersPage = pageParam(params.orders);
  const type = PRODUCT_TYPES.find((candidate) => candidate === params.type);
  const operator = (Object.keys(OPERATORS) as OperatorCode[]).find((candidate) => candidate === params.operator);
  const search = textParam(params.q);
  const preselect = textParam(params.product) || undefined;

  const [t, trpc] = await Promise.all([getTranslations("prepaid"), serverTrpc()]);
  const [catalogue, buyable, orders, credentials] = await Promise.all([
    trpc.prepaid.catalogue({ page, pageSize: CATALOGUE_PAGE_SIZE, type, operator, search: search || undefined }),
    trpc.prepaid.buyable(),
    trpc.prepaid.orders({ page: ordersPage, pageSize: ORDERS_PAGE_SIZE }),
    // The prepaid API key is a developer credential: other roles never fetch it.
    me.can("developer") ? trpc.prepaid.credentials() : Promise.resolve(null),
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
          <CardHeader title={t("buy.title")} />
          <div className="p-4" id="buy">
            {me.can("withdraw") ? (
              <BuyForm
                key={preselect ?? "none"}
                products={buyable.map((p) => ({ code: p.code, type: p.type, operator: p.operator, operatorName: operatorName(p.operator), name: p.name, price: p.price.toString() }))}
                initialCode={preselect}
              />
            ) : (
              <RoleNotice />
            )}
          </div>
        </Card>
        {credentials && (
          <Card>
            <PrepaidApiCard username={credentials.username} apiKey={credentials.apiKey} ipAllowlist={credentials.ipAllowlist} />
          </Card>
        )}
      </div>

      <OrderHistory
        className="mb-6"
        title={t("orders.title")}
        subtitle={t("orders.subtitle")}
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
        pagination={{ page: orders.page, totalPages: orders.totalPages, href: query({}), param: "orders" }}
      />

      <DataTable
        title={t("catalogue.title")}
        toolbar={
          <FilterBar action="/products" applyLabel={t("catalogue.apply")} className="border-b border-slate-200 px-4 py-3">
            <FilterSelect id="catalogue-type" name="type" label={t("catalogue.type")} defaultValue={type ?? ""} allLabel={t("catalogue.allTypes")} options={PRODUCT_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))} />
            <FilterSelect id="catalogue-operator" name="operator" label={t("catalogue.operator")} defaultValue={operator ?? ""} allLabel={t("catalogue.allOperators")} options={operatorsForFilter.map((code) => ({ value: code, label: OPERATORS[code].name }))} />
            <Field id="catalogue-q" name="q" label={t("catalogue.search")} defaultValue={search} placeholder={t("catalogue.searchPlaceholder")} />
          </FilterBar>
        }
        rowTestId="product-row"
        items={catalogue.items}
        columns={[
          { id: "code", header: t("catalogue.columns.code"), kind: "mono", cell: (p) => p.code },
          { id: "product", header: t("catalogue.columns.product"), cell: (p) => p.name },
          { id: "operator", header: t("catalogue.columns.operator"), cell: (p) => operatorName(p.operator) },
          { id: "type", header: t("catalogue.columns.type"), cell: (p) => PRODUCT_TYPES.find((value) => value === p.type) ? t(`types.${p.type}`) : p.type },
          { id: "price", header: t("catalogue.columns.price"), kind: "money", className: "font-medium", cell: (p) => formatRupiah(p.price) },
          { id: "buy", header: t("catalogue.buy"), kind: "actions", cell: (p) => (
            <Link href={`${query({ product: p.code })}#buy`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`${t("catalogue.buy")} ${p.name}`}>
              {t("catalogue.buy")}
            </Link>
          ) },
        ]}
        empty={{ title: t("catalogue.empty") }}
        pagination={{ page: catalogue.page, totalPages: catalogue.totalPages, href: query({}) }}
      />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { PRODUCT_TYPES, operatorName } from "@/server/prepaid/catalogue";
import { Field } from "../../_components/field";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { PageHeader, listHref, pageParam, textParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { ProductTable } from "./product-table";
import { RefreshPricelistButton } from "./refresh-pricelist-button";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("adminProducts");

export default async function AdminProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const type = PRODUCT_TYPES.find((candidate) => candidate === params.type);
  const search = textParam(params.q);
  const [t, tp, trpc] = await Promise.all([getTranslations("adminProducts"), getTranslations("prepaid"), serverTrpc()]);
  const list = await trpc.productCatalogue.list({ page, pageSize: 50, type, search: search || undefined });

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={me.staffCan("settings") ? <RefreshPricelistButton /> : undefined} />
      <FilterBar action="/admin/products" applyLabel={t("apply")}>
        <FilterSelect id="type" name="type" label={t("type")} defaultValue={type ?? ""} allLabel={t("allTypes")} options={PRODUCT_TYPES.map((value) => ({ value, label: tp(`types.${value}`) }))} />
        <Field id="q" name="q" label={t("search")} defaultValue={search} placeholder={t("searchPlaceholder")} />
      </FilterBar>
      <ProductTable
        caption={t("title")}
        empty={t("empty")}
        pagination={{ page: list.page, totalPages: list.totalPages, href: listHref("/admin/products", { type, q: search }) }}
        products={list.items.map((p) => ({
          code: p.code,
          name: p.name,
          operatorName: operatorName(p.operator),
          typeLabel: PRODUCT_TYPES.find((value) => value === p.type) ? tp(`types.${p.type}`) : p.type,
          price: p.price.toString(),
          active: p.active,
        }))}
      />
    </>
  );
}

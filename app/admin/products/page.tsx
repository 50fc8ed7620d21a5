import { getTranslations } from "next-intl/server";
import { PRODUCT_TYPES, operatorName } from "@/server/prepaid/catalogue";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { ProductRow } from "./product-row";

export async function generateMetadata() {
  return { title: (await getTranslations("adminProducts"))("title") };
}

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const type = PRODUCT_TYPES.find((candidate) => candidate === params.type);
  const search = typeof params.q === "string" ? params.q.trim().slice(0, 64) : "";
  const [t, tp, trpc] = await Promise.all([getTranslations("adminProducts"), getTranslations("prepaid"), serverTrpc()]);
  const list = await trpc.adminProducts.list({ page, pageSize: 50, type, search: search || undefined });
  const query = (p: number) => `/admin/products?${new URLSearchParams({ ...(type ? { type } : {}), ...(search ? { q: search } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="type" className="text-sm font-medium text-slate-700">{t("type")}</label>
          <select id="type" name="type" defaultValue={type ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("allTypes")}</option>
            {PRODUCT_TYPES.map((value) => (
              <option key={value} value={value}>{tp(`types.${value}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">{t("search")}</label>
          <input id="q" name="q" defaultValue={search} placeholder={t("searchPlaceholder")} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("apply")}</button>
      </form>
      <Card>
        {list.total === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.code")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.product")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.operator")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.type")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.price")}</th>
                    <th scope="col" className="px-4 py-2 text-center font-medium">{t("columns.active")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.actions")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.items.map((p) => (
                    <ProductRow
                      key={`${p.code}:${p.price}:${p.active}`}
                      product={{
                        code: p.code,
                        name: p.name,
                        operatorName: operatorName(p.operator),
                        typeLabel: PRODUCT_TYPES.find((value) => value === p.type) ? tp(`types.${p.type as "pulsa"}`) : p.type,
                        price: p.price.toString(),
                        active: p.active,
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={list.page}
              totalPages={list.totalPages}
              hrefFor={query}
            />
          </>
        )}
      </Card>
    </>
  );
}

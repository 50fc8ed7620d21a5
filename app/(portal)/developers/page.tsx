import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { CreateApiKeyForm, RevokeKeyButton } from "./api-keys";

export async function generateMetadata() {
  return { title: (await getTranslations("developers"))("title") };
}

/** The address the merchant reached us on, for the curl example. */
async function portalOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim();
  if (!host || !/^[\w.\-:[\]]+$/.test(host)) return "http://localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = (h.get("x-forwarded-proto") ?? "").split(",")[0]!.trim() || (local ? "http" : "https");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export default async function DevelopersPage() {
  await requireMerchant();
  const [t, tw, locale, trpc, origin] = await Promise.all([getTranslations("developers"), getTranslations("webhooks"), getLocale(), serverTrpc(), portalOrigin()]);
  const keys = await trpc.apiKeys.list();
  const curl = `curl -H "Authorization: Bearer <key>" ${origin}/api/v1/balance`;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/developers/webhooks" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {tw("title")} →
          </Link>
        }
      />

      <Card className="mb-6">
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("keys.title")}</h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("keys.subtitle")}</p>
        </div>
        <div className="border-b border-slate-200 px-4 py-4">
          <CreateApiKeyForm />
        </div>
        {keys.length === 0 ? (
          <EmptyState title={t("keys.empty")} body={t("keys.emptyBody")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("keys.title")}</caption>
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.name")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.prefix")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.ipAllowlist")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.created")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.lastUsed")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("keys.columns.status")}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    <span className="sr-only">{t("keys.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((key) => (
                  <tr key={key.id} data-testid="api-key-row" className={key.revokedAt ? "text-slate-500" : undefined}>
                    <td className="px-4 py-2 font-medium">{key.name}</td>
                    <td className="whitespace-nowrap px-4 py-2">
                      <code className="font-mono text-xs">{key.prefix}…</code>
                      <span className="block text-xs text-slate-500">{t(`keys.mode.${key.mode === "live" ? "live" : "sandbox"}`)}</span>
                    </td>
                    <td className="px-4 py-2 text-slate-600">
                      {key.ipAllowlist ? <span className="font-mono text-xs">{key.ipAllowlist.split(",").join(", ")}</span> : t("keys.anyIp")}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(key.createdAt, locale)}</td>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">{key.lastUsedAt ? formatWib(key.lastUsedAt, locale) : t("keys.never")}</td>
                    <td className="whitespace-nowrap px-4 py-2">
                      {key.revokedAt ? (
                        <>
                          <Badge tone="grey">{t("keys.status.revoked")}</Badge>
                          <span className="block text-xs text-slate-500">{t("keys.revokedAt", { time: formatWib(key.revokedAt, locale) })}</span>
                        </>
                      ) : (
                        <Badge tone="green">{t("keys.status.active")}</Badge>
                      )}
                    </td>
                    <td className="px-4 py-2 text-right">{!key.revokedAt && <RevokeKeyButton id={key.id} name={key.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">{t("auth.title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("auth.intro")}</p>
        <ul className="mt-3 flex flex-col gap-2 text-sm">
          <li>
            <span className="font-medium">{t("auth.bearer")}</span>
            <code className="mt-1 block rounded-md bg-slate-100 px-3 py-1.5 font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>
          </li>
          <li>
            <span className="font-medium">{t("auth.header")}</span>
            <code className="mt-1 block rounded-md bg-slate-100 px-3 py-1.5 font-mono text-xs">X-API-Key: &lt;key&gt;</code>
          </li>
          <li>
            <span className="text-slate-600">{t("auth.query")}</span>
            <code className="mt-1 block rounded-md bg-slate-100 px-3 py-1.5 font-mono text-xs text-slate-500">?apikey=&lt;key&gt;</code>
          </li>
        </ul>
        <h3 className="mt-5 text-sm font-semibold">{t("auth.example")}</h3>
        <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100" data-testid="curl-example">
          <code>{curl}</code>
        </pre>
        <p className="mt-2 text-xs text-slate-500">{t("auth.exampleHint", { placeholder: "<key>" })}</p>
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("auth.keepSecret")}</p>
      </Card>
    </>
  );
}

import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { TwoLines } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { StatusBadge } from "../../_components/status-badge";
import { Card, PageHeader } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { RoleNotice } from "../../_components/role-notice";
import { serverTrpc } from "../../_trpc/server";
import { CreateApiKeyForm, RevokeKeyButton } from "./api-keys";
import { titleFrom } from "../../_lib/metadata";

export const generateMetadata = titleFrom("developers");

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
  const me = await requireMerchant();
  // Keys and webhooks are for owners and developers; the page says so instead of calling for them.
  if (!me.can("developer")) {
    const t = await getTranslations("developers");
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <RoleNotice />
      </>
    );
  }
  const [t, tw, locale, trpc, origin] = await Promise.all([getTranslations("developers"), getTranslations("webhooks"), getLocale(), serverTrpc(), portalOrigin()]);
  const keys = await trpc.apiKeys.list();
  const curl = `curl -H "Authorization: Bearer <key>" ${origin}/api/v1/balance`;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/developers/webhooks" className={buttonClass("secondary", "lg")}>
            {tw("title")} →
          </Link>
        }
      />

      <DataTable
        className="mb-6"
        title={t("keys.title")}
        subtitle={t("keys.subtitle")}
        toolbar={
          <div className="border-b border-slate-200 px-4 py-4">
            <CreateApiKeyForm />
          </div>
        }
        rowTestId="api-key-row"
        items={keys}
        rowKey={(key) => key.id}
        rowClass={(key) => key.revokedAt ? "text-slate-500" : undefined}
        columns={[
          { id: "name", header: t("keys.columns.name"), className: "font-medium", cell: (key) => key.name },
          { id: "prefix", header: t("keys.columns.prefix"), className: "whitespace-nowrap", cell: (key) => (
            <TwoLines sub={t(`keys.mode.${key.mode === "live" ? "live" : "sandbox"}`)}>
              <code className="font-mono text-xs">{key.prefix}…</code>
            </TwoLines>
          ) },
          { id: "ipAllowlist", header: t("keys.columns.ipAllowlist"), className: "text-slate-600", cell: (key) => key.ipAllowlist ? <span className="font-mono text-xs">{key.ipAllowlist.split(",").join(", ")}</span> : t("keys.anyIp") },
          { id: "created", header: t("keys.columns.created"), kind: "time", cell: (key) => formatWib(key.createdAt, locale) },
          { id: "lastUsed", header: t("keys.columns.lastUsed"), kind: "time", cell: (key) => key.lastUsedAt ? formatWib(key.lastUsedAt, locale) : t("keys.never") },
          { id: "status", header: t("keys.columns.status"), className: "whitespace-nowrap", cell: (key) => (
            <TwoLines sub={key.revokedAt && t("keys.revokedAt", { time: formatWib(key.revokedAt, locale) })}>
              <StatusBadge kind="apiKey" status={key.revokedAt ? "revoked" : "active"} />
            </TwoLines>
          ) },
          { id: "actions", header: t("keys.columns.actions"), kind: "actions", cell: (key) => !key.revokedAt && <RevokeKeyButton id={key.id} name={key.name} /> },
        ]}
        empty={{ title: t("keys.empty"), body: t("keys.emptyBody") }}
      />

      <Card title={t("auth.title")} subtitle={t("auth.intro")}>
        <ul className="flex flex-col gap-2 text-sm">
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
            <code className="mt-1 block rounded-md bg-slate-100 px-3 py-1.5 font-mono text-xs text-slate-700">?apikey=&lt;key&gt;</code>
          </li>
        </ul>
        <h3 className="mt-5 text-sm font-semibold">{t("auth.example")}</h3>
        <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100" data-testid="curl-example">
          <code>{curl}</code>
        </pre>
        <p className="mt-2 text-xs text-slate-500">{t("auth.exampleHint", { placeholder: "<key>" })}</p>
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("auth.keepSecret")}</p>
      </Card>
    </>
  );
}

import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { Card, DetailList, PageHeader, pageParam } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { titleFrom, type SearchParams } from "../../../_lib/metadata";
import { linkAmountText } from "../link-status-badge";
import { DeactivateLinkButton } from "./deactivate-button";
import { LinkLive } from "./link-live";
import { ShareCard } from "./share-card";

export const generateMetadata = titleFrom("paymentLinks");

export default async function PaymentLinkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await requireMerchant();
  const { id } = await params;
  const page = pageParam((await searchParams).page);
  const [t, locale, trpc] = await Promise.all([getTranslations("paymentLinks"), getLocale(), serverTrpc()]);
  const detail = await trpc.paymentLinks.get({ id: id.slice(0, 64), page }).catch((error: unknown) => {
    // Another merchant's link, or none: the same 404.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { link } = detail;
  const details = [
    { label: t("columns.amount"), value: linkAmountText(link, formatRupiah, (min, max) => t("range", { min, max })), className: "tabular text-right", testId: "link-amount" },
    { label: t("columns.type"), value: link.singleUse ? t("type.single") : t("type.multi"), className: "text-right" },
    { label: t("expires"), value: link.expiresAt ? formatWib(link.expiresAt, locale) : t("never"), className: "tabular text-right" },
    { label: t("createdAt"), value: formatWib(link.createdAt, locale), className: "tabular text-right" },
    link.completedAt && { label: t("completedAt"), value: formatWib(link.completedAt, locale), className: "tabular text-right" },
  ];

  return (
    <>
      <PageHeader
        title={link.description}
        subtitle={link.id}
        actions={
          <Link href="/payment-links" className="text-sm font-medium text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <LinkLive id={link.id} page={page} initial={detail} />
        <div className="flex flex-col gap-4">
          <ShareCard url={link.url} />
          <Card title={t("details")} className="text-sm">
            <DetailList items={details} />
          </Card>
          {link.status === "active" && <DeactivateLinkButton id={link.id} />}
        </div>
      </div>
    </>
  );
}

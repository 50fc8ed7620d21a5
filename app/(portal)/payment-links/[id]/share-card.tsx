"use client";
import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { CopyButton } from "../../../_components/copy-button";
import { Card } from "../../../_components/ui";

/** The link to send: its URL to copy, a QR of it to print or show, and the payer's page to check. */
export function ShareCard({ url }: { url: string }) {
  const t = useTranslations("paymentLinks");
  return (
    <Card title={t("shareTitle")} subtitle={t("shareHint")} className="text-sm">
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <a href={url} target="_blank" rel="noreferrer" className="break-all font-mono text-xs text-brand-700 hover:underline" data-testid="link-url">
            {url}
          </a>
          <CopyButton value={url} label={t("linkUrl")} />
        </div>
        <div className="self-center rounded-md border border-slate-200 bg-white p-3">
          <QRCodeSVG value={url} size={176} level="M" role="img" aria-label={t("qrAlt")} data-testid="link-qr" />
        </div>
        <a href={url} target="_blank" rel="noreferrer" className="text-sm font-medium text-brand-700 hover:underline">
          {t("openPayerPage")}
        </a>
      </div>
    </Card>
  );
}

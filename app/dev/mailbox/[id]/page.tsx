import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWib } from "@/lib/format";
import { devMailboxEnabled, findMailMessage } from "@/server/mail/dev-mailbox";
import { Card, CardHeader, DetailList, PageHeader } from "../../../_components/ui";
import { titleFrom } from "../../../_lib/metadata";

export const generateMetadata = titleFrom("devMailbox");

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { id } = await params;
  const [t, locale, mail] = await Promise.all([getTranslations("devMailbox"), getLocale(), findMailMessage(id)]);
  if (!mail) notFound();
  return (
    <>
      <Link href="/dev/mailbox" className="text-sm font-medium text-brand-600 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={mail.subject} />
      <div className="flex flex-col gap-4">
        <Card className="p-4">
          <DetailList
            items={[
              { label: t("to"), value: mail.to },
              { label: t("kind"), value: mail.kind },
              { label: t("status"), value: mail.status },
              { label: t("time"), value: formatWib(mail.createdAt, locale) },
            ]}
          />
        </Card>
        <Card>
          <CardHeader title={t("text")} />
          <pre className="whitespace-pre-wrap break-words p-4 text-sm" data-testid="mail-text">
            {mail.text ? <LinkedText text={mail.text} /> : t("noBody")}
          </pre>
        </Card>
        {mail.html && (
          <Card>
            <CardHeader title={t("html")} />
            {/* sandbox="": no scripts, no forms, no same-origin access; srcDoc avoids framing one of our own URLs. */}
            <iframe sandbox="" srcDoc={mail.html} title={t("htmlFrame")} className="h-[32rem] w-full border-0" />
          </Card>
        )}
      </div>
    </>
  );
}

/** The text with its http(s) links clickable (the HTML view is sandboxed, so its buttons do not navigate). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-brand-600 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

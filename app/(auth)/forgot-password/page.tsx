import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { devMailboxEnabled } from "@/server/mail/dev-mailbox";
import { titleFrom } from "../../_lib/metadata";
import { ForgotPasswordForm } from "./forgot-password-form";

export const generateMetadata = titleFrom("passwordReset", "forgotTitle");

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <>
      <h1 className="text-xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("forgotSubtitle")}</p>
      {/* In development the mail is kept in the dev mailbox, so the confirmation links to it. */}
      <ForgotPasswordForm mailboxHref={devMailboxEnabled() ? "/dev/mailbox" : null} />
      <p className="mt-4 text-center text-sm">
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { serverTrpc } from "../../_trpc/server";
import { ResetPasswordForm } from "./reset-password-form";

export const generateMetadata = titleFrom("passwordReset", "resetTitle");

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.slice(0, 128) : "";
  const [t, trpc] = await Promise.all([getTranslations("passwordReset"), serverTrpc()]);
  const usable = token ? await trpc.account.resetLinkUsable({ token }) : false;
  if (!usable) return <InvalidLink title={t("invalidTitle")} body={t("invalid")} askAgain={t("askAgain")} />;
  return (
    <>
      <h1 className="text-xl font-semibold">{t("resetTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("resetSubtitle")}</p>
      <ResetPasswordForm token={token} />
    </>
  );
}

function InvalidLink({ title, body, askAgain }: { title: string; body: string; askAgain: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p role="alert" className="mb-4 mt-2 text-sm text-slate-700" data-testid="reset-link-invalid">
        {body}
      </p>
      <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
        {askAgain}
      </Link>
    </>
  );
}

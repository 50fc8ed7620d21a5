import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BrandHeader } from "../_components/brand";
import { titleFrom, type SearchParams } from "../_lib/metadata";
import { serverTrpc } from "../_trpc/server";

export const generateMetadata = titleFrom("verifyEmail");

// Outside the (auth) group on purpose: the link is usually opened while signed in.
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.slice(0, 128) : "";
  const [t, trpc] = await Promise.all([getTranslations("verifyEmail"), serverTrpc()]);
  const result = token ? await trpc.account.verifyEmail({ token }) : "invalid";
  const ok = result !== "invalid";
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="flex flex-1 items-start justify-center px-4 pt-8 md:pt-16">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p role={ok ? "status" : "alert"} data-testid="verify-result" data-result={result} className={`my-4 rounded-md px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-700"}`}>
            {result === "verified" ? t("verified") : result === "already_verified" ? t("alreadyVerified") : t("invalid")}
          </p>
          <Link href="/" className="font-medium text-brand-600 hover:underline">
            {t("toPortal")}
          </Link>
        </div>
      </main>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { BrandHeader } from "../_components/brand";
import { SignOutButton } from "../_components/sign-out-button";
import { titleFrom } from "../_lib/metadata";

export const generateMetadata = titleFrom("noMerchant");

/**
 * Where a signed-in person lands who belongs to no merchant any more (removed, or left), or whose
 * merchant is suspended. Not the login page: that one sends signed-in people back home, a loop.
 */
export default async function NoMerchantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  const reason = (await searchParams).reason === "suspended" ? "suspended" : "none";
  const t = await getTranslations("noMerchant");
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="flex flex-1 items-start justify-center px-4 pt-8 md:pt-16">
        <div className="flex w-full max-w-sm flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600" data-testid="no-merchant">{t(reason)}</p>
          <SignOutButton />
        </div>
      </main>
    </div>
  );
}

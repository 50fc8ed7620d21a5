import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { LanguageSwitch } from "../../_components/language-switch";
import { PaymentPanel } from "../../_components/payment/payment-panel";
import { serverTrpc } from "../../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("payment"))("title") };
}

// The payer's page: no sign-in; the unguessable deposit id is the key.
export default async function PayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, trpc] = await Promise.all([getTranslations("app"), serverTrpc()]);
  const deposit = await trpc.deposits.forPayer({ id: id.slice(0, 64) }).catch(() => notFound());
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-lg font-bold text-brand-700">{t("name")}</span>
        <LanguageSwitch />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-10">
        <PaymentPanel deposit={deposit} sandbox={env.SANDBOX} />
      </main>
    </div>
  );
}

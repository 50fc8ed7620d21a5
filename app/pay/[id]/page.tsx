import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { BrandHeader } from "../../_components/brand";
import { PaymentPanel } from "../../_components/payment/payment-panel";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom } from "../../_lib/metadata";

export const generateMetadata = titleFrom("payment");

// The payer's page: no sign-in; the unguessable deposit id is the key.
export default async function PayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trpc = await serverTrpc();
  const deposit = await trpc.deposits.forPayer({ id: id.slice(0, 64) }).catch(() => notFound());
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-10">
        <PaymentPanel deposit={deposit} sandbox={env.SANDBOX} />
      </main>
    </div>
  );
}

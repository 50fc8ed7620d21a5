import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { TrpcProviders } from "./_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Saldo", template: "%s · Saldo" },
  description: "Portal deposit merchant — top-up, produk prabayar, penarikan.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>
          <TrpcProviders>{children}</TrpcProviders>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

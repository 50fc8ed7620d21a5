import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { appUrl, env } from "@/server/env";
import { TrpcProviders } from "./_trpc/client";
import "./globals.css";

const description = "Portal deposit merchant — top-up, produk prabayar, penarikan.";

// Icons, manifest and the social preview image live in public/.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(appUrl()),
    title: { default: "Saldo", template: "%s · Saldo" },
    description,
    applicationName: "Saldo",
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "any" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    manifest: "/manifest.webmanifest",
    openGraph: {
      type: "website",
      siteName: "Saldo",
      title: "Saldo",
      description,
      images: [{ url: "/og.png", width: 1200, height: 630, alt: "Saldo — portal deposit merchant" }],
    },
    twitter: { card: "summary_large_image", images: ["/og.png"] },
  };
}

export const viewport: Viewport = { themeColor: "#1d4ed8" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        {/* Every page of a sandbox installation (the demo) says so: nothing here is real money. */}
        {env.SANDBOX && (
          <div role="note" data-testid="sandbox-banner" className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-900">
            {t("sandboxBanner")}
          </div>
        )}
        <NextIntlClientProvider>
          <TrpcProviders>{children}</TrpcProviders>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "@/server/auth/options";
import { BrandHeader } from "../_components/brand";

// Sign-in and registration: someone already signed in goes straight to their home page.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if ((await getSession())?.user) redirect("/");
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="flex flex-1 items-start justify-center px-4 pt-8 md:pt-16">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </main>
    </div>
  );
}

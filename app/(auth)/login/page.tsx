import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("login") };
}

export default async function LoginPage() {
  if ((await getSession())?.user) redirect("/");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-xl font-semibold">{t("loginTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("loginSubtitle")}</p>
      <LoginForm />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { RegisterForm } from "./register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("register") };
}

export default async function RegisterPage() {
  if ((await getSession())?.user) redirect("/");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-xl font-semibold">{t("registerTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("registerSubtitle")}</p>
      <RegisterForm />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { titleFrom } from "../_lib/metadata";
import { LoginForm } from "./login/login-form";
import { RegisterForm } from "./register/register-form";

// Each page, and the way over to the other one.
const PAGES = {
  login: { title: "login", heading: "loginTitle", subtitle: "loginSubtitle", Form: LoginForm, other: { question: "noAccount", link: "registerLink", href: "/register" } },
  register: { title: "register", heading: "registerTitle", subtitle: "registerSubtitle", Form: RegisterForm, other: { question: "haveAccount", link: "loginLink", href: "/login" } },
} as const;

export const authMetadata = (kind: keyof typeof PAGES) => titleFrom("auth", PAGES[kind].title);

/** The sign-in or the registration card: heading, one line of explanation, the form. */
export async function AuthPage({ kind }: { kind: keyof typeof PAGES }) {
  const [t, tr] = await Promise.all([getTranslations("auth"), getTranslations("passwordReset")]);
  const { heading, subtitle, Form, other } = PAGES[kind];
  return (
    <>
      <h1 className="text-xl font-semibold">{t(heading)}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t(subtitle)}</p>
      <Form />
      {kind === "login" && (
        <p className="mt-3 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
            {tr("forgotLink")}
          </Link>
        </p>
      )}
      <p className="mt-4 text-center text-sm text-slate-600">
        {t(other.question)}{" "}
        <Link href={other.href} className="font-medium text-brand-600 hover:underline">
          {t(other.link)}
        </Link>
      </p>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getSession } from "@/server/auth/options";
import { BrandHeader } from "../../_components/brand";
import { SignOutButton } from "../../_components/sign-out-button";
import { titleFrom } from "../../_lib/metadata";
import { serverTrpc } from "../../_trpc/server";
import { InviteJoin, InviteNewMemberForm, InviteSignInForm } from "./invite-forms";

export const generateMetadata = titleFrom("invite");

/** An invitation link: public (the token is the secret); what it offers depends on who opens it. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tr, trpc, session] = await Promise.all([getTranslations("invite"), getTranslations("team"), serverTrpc(), getSession()]);
  const invitation = await trpc.team.previewInvitation({ token: token.slice(0, 200) }).catch(() => null);

  let body;
  if (!invitation || invitation.state !== "open") {
    body = (
      <>
        <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600" data-testid="invitation-invalid">{t(`invalid.${invitation?.state ?? "unknown"}`)}</p>
        <p className="mt-4 text-sm"><Link href="/login" className="font-medium text-brand-600 hover:underline">{t("toLogin")}</Link></p>
      </>
    );
  } else {
    const intro = t("intro", { merchant: invitation.merchantName, role: tr(`roles.${invitation.role}`) });
    let action;
    if (session?.user) {
      action =
        session.user.email === invitation.email ? (
          <InviteJoin token={token} />
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t("otherAccount", { email: invitation.email })}</p>
            <SignOutButton />
          </div>
        );
    } else {
      action = invitation.hasAccount ? <InviteSignInForm token={token} email={invitation.email} /> : <InviteNewMemberForm token={token} email={invitation.email} />;
    }
    body = (
      <>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-600">{intro}</p>
        {action}
      </>
    );
  }
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="flex flex-1 items-start justify-center px-4 pt-8 md:pt-16">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{body}</div>
      </main>
    </div>
  );
}

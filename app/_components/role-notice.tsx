import { Lock } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** Shown where the member's role does not allow an action or a page (the matrix is on the Team page). */
export async function RoleNotice({ className = "" }: { className?: string }) {
  const t = await getTranslations("team");
  return (
    <p role="note" data-testid="role-notice" className={`flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700 ${className}`}>
      <Lock aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{t("roleNotAllowed")}</span>
    </p>
  );
}

"use client";
// Settings → Notifications: which of the merchant's users receive each kind of notification mail
// (a checkbox per user and kind), plus extra addresses per kind. Saved as a whole.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { EXTRA_ADDRESSES_MAX, type NotificationKind } from "@/lib/notification-kinds";
import { buttonClass } from "../../_components/button";
import { Field, FormNotice } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

type Prefs = {
  users: { userId: string; name: string; email: string }[];
  kinds: { kind: NotificationKind; users: { userId: string; enabled: boolean }[]; extraEmails: string[] }[];
};

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const splitAddresses = (text: string) => [...new Set(text.split(/[,\s;]+/).map((a) => a.trim().toLowerCase()).filter(Boolean))];

export function NotificationMatrix({ initial }: { initial: Prefs }) {
  const t = useTranslations("notificationSettings");
  const trpc = useTRPC();
  const save = useMutation(trpc.notificationPreferences.save.mutationOptions());
  const { run, pending, error, setError, notice } = useAction();
  const [enabled, setEnabled] = useState(() => new Map<string, boolean>(initial.kinds.flatMap((k) => k.users.map((u) => [`${k.kind}:${u.userId}`, u.enabled] as const))));
  const [extras, setExtras] = useState(() => Object.fromEntries(initial.kinds.map((k) => [k.kind, k.extraEmails.join(", ")])) as Record<string, string>);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const kinds = initial.kinds.map((k) => {
      const addresses = splitAddresses(extras[k.kind] ?? "");
      const bad = addresses.find((a) => !EMAIL.test(a));
      if (bad) errors[k.kind] = t("extraInvalid", { address: bad });
      else if (addresses.length > EXTRA_ADDRESSES_MAX) errors[k.kind] = t("extraTooMany", { max: EXTRA_ADDRESSES_MAX });
      return { kind: k.kind, users: initial.users.map((u) => ({ userId: u.userId, enabled: enabled.get(`${k.kind}:${u.userId}`) ?? true })), extraEmails: addresses };
    });
    setFieldErrors(errors);
    if (Object.keys(errors).length) return setError(Object.values(errors)[0]!);
    void run(() => save.mutateAsync({ kinds }), { done: t("saved") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {initial.users.length === 0 && <p className="text-sm text-slate-600">{t("noUsers")}</p>}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[28rem] text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("kindColumn")}
              </th>
              {initial.users.map((u) => (
                <th key={u.userId} scope="col" className="px-2 py-2 text-center font-medium normal-case">
                  <span className="block text-slate-800">{u.name}</span>
                  <span className="block text-[11px] text-slate-500">{u.email}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {initial.kinds.map((k) => (
              <tr key={k.kind} className="border-b border-slate-100" data-testid={`notify-row-${k.kind}`}>
                <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-800">
                  {t(`kinds.${k.kind}`)}
                </th>
                {initial.users.map((u) => {
                  const key = `${k.kind}:${u.userId}`;
                  return (
                    <td key={u.userId} className="px-2 py-2 text-center">
                      <input
                        type="checkbox"
                        className="h-5 w-5 accent-teal-700"
                        aria-label={t("receives", { kind: t(`kinds.${k.kind}`), user: u.name })}
                        checked={enabled.get(key) ?? true}
                        onChange={(e) => setEnabled((m) => new Map(m).set(key, e.target.checked))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {initial.kinds.map((k) => (
          <Field
            key={k.kind}
            id={`notify-extra-${k.kind}`}
            label={t("extraLabel", { kind: t(`kinds.${k.kind}`) })}
            hint={t("extraHint", { max: EXTRA_ADDRESSES_MAX })}
            type="text"
            inputMode="email"
            autoComplete="off"
            placeholder="finance@company.co.id"
            value={extras[k.kind] ?? ""}
            error={fieldErrors[k.kind]}
            onChange={(e) => setExtras((x) => ({ ...x, [k.kind]: e.target.value }))}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>
          {pending ? t("saving") : t("save")}
        </button>
        <FormNotice message={notice} />
        {error && !Object.keys(fieldErrors).length && (
          <p role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

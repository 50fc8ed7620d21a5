"use client";
// The approval desk: one dense row per withdrawal, rows selected with checkboxes (or `x`), then
// approved or rejected in bulk after a confirmation that shows the count and the total. Each
// row's outcome is reported (approved / needs a second approval / already decided / failed).
// Keyboard: j/k move the focused row, x selects it, a/r approve/reject the selection (or the
// focused row), ? shows the shortcut help; none of them fire while typing in a field.
import { useMutation } from "@tanstack/react-query";
import { Keyboard } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { Destination, MerchantLink } from "../../_components/cells";
import { ConfirmBox } from "../../_components/confirm-box";
import { FormError, TextareaField } from "../../_components/field";
import { StatusBadge } from "../../_components/status-badge";
import { Badge } from "../../_components/ui";
import { trpcErrorText } from "../../_lib/error-message";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";
import { ResolveActions } from "./resolve-actions";
import { WithdrawalActions } from "./withdrawal-actions";

export type DeskRow = {
  id: string;
  status: string;
  merchant: { id: string; name: string; suspended: boolean };
  amount: string;
  fee: string;
  method: string;
  accountNumber: string;
  accountName: string;
  ageMinutes: number;
  requestedAt: string;
  available: string;
  risk: { firstPayout: boolean; aboveAverage: boolean };
  approvalsNeeded: number;
  approvals: { name: string; at: string }[];
  payoutRef: string | null;
  notes: { processing: string; sending: string; unknown: string };
};

type Outcome = { id: string; outcome: string; label: string; text: string };
type Mode = { kind: "idle" } | { kind: "approve" | "reject"; ids: string[] } | { kind: "help" };

const NOT_TYPED = ["checkbox", "radio", "button", "submit", "reset"];

/** A key pressed in a text field, a textarea or a select is the user's typing, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.includes(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

export function DeskTable({ rows, threshold }: { rows: DeskRow[]; threshold: string }) {
  const t = useTranslations("desk");
  const locale = useLocale();
  const trpc = useTRPC();
  const bulk = useMutation(trpc.withdrawalDesk.bulk.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("bulk.failed"), validation: t("bulk.failed") } });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focused, setFocused] = useState(0);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const pendingRows = useMemo(() => rows.filter((r) => r.status === "pending"), [rows]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  // Rows decided elsewhere disappear on refresh; drop them from the selection too.
  useEffect(() => {
    setSelected((current) => new Set([...current].filter((id) => byId.get(id)?.status === "pending")));
    setFocused((f) => Math.min(f, Math.max(0, rows.length - 1)));
  }, [rows, byId]);

  const totalOf = useCallback((ids: string[]) => ids.reduce((sum, id) => sum + BigInt(byId.get(id)?.amount ?? "0"), 0n), [byId]);
  const selectedIds = [...selected];

  const toggle = useCallback((id: string) => {
    if (byId.get(id)?.status !== "pending") return;
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, [byId]);

  const open = useCallback(
    (kind: "approve" | "reject") => {
      const focusedRow = rows[focused];
      const ids = selected.size > 0 ? [...selected] : focusedRow?.status === "pending" ? [focusedRow.id] : [];
      if (ids.length === 0) return;
      setNote("");
      setNoteError(null);
      setMode({ kind, ids });
    },
    [rows, focused, selected],
  );

  const moveTo = useCallback((index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(next);
    rowRefs.current[next]?.focus();
  }, [rows.length]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setMode((m) => (m.kind === "help" ? { kind: "idle" } : { kind: "help" }));
        return;
      }
      if (event.key === "Escape") {
        setMode((m) => (m.kind === "help" ? { kind: "idle" } : m));
        return;
      }
      if (mode.kind === "approve" || mode.kind === "reject" || rows.length === 0) return;
      if (event.key === "j") moveTo(focused + 1);
      else if (event.key === "k") moveTo(focused - 1);
      else if (event.key === "x") {
        const row = rows[focused];
        if (row) toggle(row.id);
      } else if (event.key === "a") open("approve");
      else if (event.key === "r") open("reject");
      else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [mode.kind, rows, focused, moveTo, toggle, open]);

  function report(result: { outcomes: { id: string; outcome: string; message?: string; approvals?: number; needed?: number }[] }, labels: Map<string, string>) {
    setOutcomes(
      result.outcomes.map((o) => ({
        id: o.id,
        outcome: o.outcome,
        label: labels.get(o.id) ?? o.id,
        text:
          o.outcome === "awaiting_second"
            ? t("bulk.outcomes.awaiting_second", { count: o.approvals ?? 1, needed: o.needed ?? 2 })
            : o.outcome === "failed"
              ? t("bulk.outcomes.failed", { reason: trpcErrorText({ message: o.message, data: { appCode: "x" } }, locale, { generic: t("bulk.failed"), validation: t("bulk.failed") }) })
              : o.outcome === "approved" || o.outcome === "rejected" || o.outcome === "already_decided"
                ? t(`bulk.outcomes.${o.outcome}`)
                : o.outcome,
      })),
    );
  }

  async function confirm(kind: "approve" | "reject", ids: string[]) {
    const labels = new Map(ids.map((id) => {
      const row = byId.get(id);
      return [id, row ? `${row.merchant.name} · ${formatRupiah(row.amount)}` : id];
    }));
    await run(() => (kind === "approve" ? bulk.mutateAsync({ action: "approve", ids }) : bulk.mutateAsync({ action: "reject", ids, note: note.trim() })), {
      onSuccess: (result) => {
        report(result, labels);
        setSelected(new Set());
        setMode({ kind: "idle" });
      },
    });
  }

  function onReject(event: FormEvent, ids: string[]) {
    event.preventDefault();
    if (note.trim().length < 3) return setNoteError(t("bulk.noteRequired"));
    setNoteError(null);
    void confirm("reject", ids);
  }

  const allSelected = pendingRows.length > 0 && pendingRows.every((r) => selected.has(r.id));
  const age = (minutes: number) =>
    minutes < 60 ? t("table.minutes", { count: minutes }) : minutes < 48 * 60 ? t("table.hours", { count: Math.floor(minutes / 60) }) : t("table.days", { count: Math.floor(minutes / 1440) });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("table.actions")}>
        <p className="text-sm text-slate-700" data-testid="desk-selection" aria-live="polite">
          {t("bulk.selected", { count: selected.size, total: formatRupiah(totalOf(selectedIds)) })}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          <button type="button" disabled={selected.size === 0 || pending} onClick={() => open("approve")} className={buttonClass("success", "sm")}>
            {t("bulk.approve")}
          </button>
          <button type="button" disabled={selected.size === 0 || pending} onClick={() => open("reject")} className={buttonClass("dangerOutline", "sm")}>
            {t("bulk.reject")}
          </button>
          {selected.size > 0 && (
            <button type="button" onClick={() => setSelected(new Set())} className={buttonClass("secondary", "sm")}>
              {t("bulk.clear")}
            </button>
          )}
          <button
            type="button"
            aria-expanded={mode.kind === "help"}
            aria-controls="desk-shortcuts"
            onClick={() => setMode((m) => (m.kind === "help" ? { kind: "idle" } : { kind: "help" }))}
            className={buttonClass("secondary", "sm")}
          >
            <Keyboard aria-hidden className="h-4 w-4" />
            {t("keys.button")}
          </button>
        </div>
      </div>

      {mode.kind === "help" && (
        <section id="desk-shortcuts" data-testid="desk-shortcuts" aria-label={t("keys.title")} className="rounded-md border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <h2 className="mb-2 font-semibold">{t("keys.title")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {(
              [
                ["j", t("keys.down")],
                ["k", t("keys.up")],
                ["x", t("keys.select")],
                ["a", t("keys.approve")],
                ["r", t("keys.reject")],
                ["?", t("keys.help")],
                ["Esc", t("keys.escape")],
              ] as const
            ).map(([key, text]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
                </dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setMode({ kind: "idle" })} className={`${buttonClass("secondary", "sm")} mt-3`}>
            {t("keys.close")}
          </button>
        </section>
      )}

      {mode.kind === "approve" && (
        <div data-testid="bulk-confirm">
          <ConfirmBox
            tone="success"
            label={t("bulk.approve")}
            question={t("bulk.approveQuestion", { count: mode.ids.length, total: formatRupiah(totalOf(mode.ids)), threshold })}
            confirmLabel={t("bulk.approveConfirm", { count: mode.ids.length })}
            busyLabel={t("bulk.working")}
            cancelLabel={t("bulk.cancel")}
            busy={pending}
            onConfirm={() => void confirm("approve", mode.ids)}
            onCancel={() => setMode({ kind: "idle" })}
          />
        </div>
      )}
      {mode.kind === "reject" && (
        <form data-testid="bulk-confirm" className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3" onSubmit={(e) => onReject(e, mode.ids)} noValidate>
          <p className="text-sm text-rose-800">{t("bulk.rejectQuestion", { count: mode.ids.length, total: formatRupiah(totalOf(mode.ids)) })}</p>
          <TextareaField id="bulk-reject-note" label={t("bulk.rejectNote")} hint={t("bulk.rejectNoteHint")} error={noteError} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoFocus />
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className={buttonClass("danger")}>
              {pending ? t("bulk.working") : t("bulk.rejectConfirm", { count: mode.ids.length })}
            </button>
            <button type="button" disabled={pending} onClick={() => setMode({ kind: "idle" })} className={buttonClass("secondary")}>
              {t("bulk.cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} compact />

      {outcomes.length > 0 && (
        <section aria-label={t("bulk.resultTitle")} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="bulk-result">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="font-semibold">{t("bulk.resultTitle")}</h2>
            <button type="button" onClick={() => setOutcomes([])} className={buttonClass("secondary", "sm")}>
              {t("bulk.dismiss")}
            </button>
          </div>
          <ul role="status" className="flex flex-col gap-1">
            {outcomes.map((o) => (
              <li key={o.id} data-testid="bulk-outcome" data-id={o.id} data-outcome={o.outcome} className="flex flex-wrap gap-x-2">
                <span className="font-medium">{o.label}</span>
                <span className={o.outcome === "approved" || o.outcome === "rejected" ? "text-emerald-700" : o.outcome === "failed" ? "text-rose-700" : "text-amber-800"}>{o.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t("table.caption")} tabIndex={0}>
        <table className="min-w-full text-sm" data-testid="desk-table">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={t("table.selectAll")}
                  checked={allSelected}
                  disabled={pendingRows.length === 0}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(pendingRows.map((r) => r.id)))}
                />
              </th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.merchant")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.amount")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.fee")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.destination")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.age")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.available")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.risk")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("table.approvals")}</th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">{t("table.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => {
              const isFocused = index === focused;
              const isSelected = selected.has(row.id);
              return (
                <tr
                  key={row.id}
                  ref={(el) => {
                    rowRefs.current[index] = el;
                  }}
                  tabIndex={-1}
                  data-testid="queue-row"
                  data-id={row.id}
                  data-focused={isFocused || undefined}
                  data-selected={isSelected || undefined}
                  aria-selected={isSelected}
                  onClick={() => setFocused(index)}
                  className={`align-top outline-none ${isSelected ? "bg-brand-50" : ""} ${isFocused ? "shadow-[inset_3px_0_0_0_var(--color-brand-600,#2563eb)]" : ""}`}
                >
                  <td className="px-3 py-2">
                    {row.status === "pending" && <input type="checkbox" aria-label={t("table.selectRow", { id: row.id })} checked={isSelected} onChange={() => toggle(row.id)} />}
                  </td>
                  <td className="px-3 py-2">
                    <MerchantLink id={row.merchant.id} name={row.merchant.name} className="font-medium" />
                    <span className="block font-mono text-[11px] text-slate-500">{row.id}</span>
                    {row.status !== "pending" && <StatusBadge kind="withdrawal" status={row.status} />}
                  </td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right font-semibold" data-testid="queue-amount">{formatRupiah(row.amount)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right text-slate-600">{formatRupiah(row.fee)}</td>
                  <td className="px-3 py-2">
                    <Destination method={row.method} accountNumber={row.accountNumber} accountName={row.accountName} />
                    {row.payoutRef && <span className="block font-mono text-[11px] text-slate-500" data-testid="queue-payout-ref">{row.payoutRef}</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600" title={row.requestedAt}>{age(row.ageMinutes)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2 text-right">{formatRupiah(row.available)}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-col items-start gap-1 [&>*]:whitespace-nowrap" data-testid="queue-risk">
                      {row.merchant.suspended && <Badge tone="red">{t("risk.suspended")}</Badge>}
                      {row.risk.firstPayout && <Badge tone="amber">{t("risk.firstPayout")}</Badge>}
                      {row.risk.aboveAverage && <Badge tone="amber">{t("risk.aboveAverage")}</Badge>}
                      {!row.merchant.suspended && !row.risk.firstPayout && !row.risk.aboveAverage && <span className="text-slate-400">{t("table.none")}</span>}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-xs" data-testid="queue-approvals">
                    {row.approvalsNeeded > 1 ? (
                      <>
                        <Badge tone={row.approvals.length > 0 ? "blue" : "grey"}>{t("approvals.progress", { count: row.approvals.length, needed: row.approvalsNeeded })}</Badge>
                        {row.approvals.map((a) => (
                          <span key={a.name + a.at} className="mt-1 block text-slate-600">
                            {a.name}, {a.at}
                          </span>
                        ))}
                        {row.approvals.length === 0 && <span className="mt-1 block text-slate-500">{t("approvals.needsTwo")}</span>}
                      </>
                    ) : (
                      <span className="text-slate-500">{t("approvals.single")}</span>
                    )}
                  </td>
                  <td className="min-w-56 px-3 py-2">
                    {row.status === "pending" ? (
                      <WithdrawalActions id={row.id} summary={{ amount: formatRupiah(row.amount), destination: `${row.method} ${row.accountNumber} (${row.accountName})` }} />
                    ) : row.status === "unknown" ? (
                      <div className="flex flex-col gap-2">
                        <p className="rounded-md bg-amber-50 p-2 text-xs text-amber-800">{row.notes.unknown}</p>
                        <ResolveActions id={row.id} />
                      </div>
                    ) : (
                      <p className="rounded-md bg-blue-50 p-2 text-xs text-slate-700">{row.status === "sending" ? row.notes.sending : row.notes.processing}</p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

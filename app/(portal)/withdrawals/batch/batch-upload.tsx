"use client";
// Upload → per-row validation → fix in place → submit with confirmation. The file is read on the
// server (payoutBatches.parseFile: CSV or XLSX) and every row is checked there with the single
// withdrawal's rules; edited rows are checked again by "Validate again". Nothing is reserved
// until the merchant confirms the totals.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ChangeEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { PAYOUT_TEMPLATE_CSV, PAYOUT_TEMPLATE_FILE_NAME } from "@/lib/payout-batch-template";
import { buttonClass } from "../../../_components/button";
import { ConfirmBox } from "../../../_components/confirm-box";
import { FormError } from "../../../_components/field";
import { newFormKey } from "../../../_lib/form-key";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

type Row = { amount: string; method: string; accountNumber: string; accountName: string; note: string; reference: string };
type Checked = { row: number; errors: string[]; duplicateOfRow: number | null; duplicateRecentId: string | null };
type Validation = { rows: Checked[]; validCount: number; errorCount: number; duplicateCount: number; totalAmount: bigint; totalFee: bigint; totalDeduct: bigint };

const PAGE = 50;
const EDITABLE: (keyof Row)[] = ["amount", "method", "accountNumber", "accountName", "note", "reference"];

function toRows(rows: { amount?: string | number | null; method?: string | number | null; accountNumber?: string | number | null; accountName?: string | number | null; note?: string | number | null; reference?: string | number | null }[]): Row[] {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return rows.map((r) => ({ amount: text(r.amount), method: text(r.method), accountNumber: text(r.accountNumber), accountName: text(r.accountName), note: text(r.note), reference: text(r.reference) }));
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TemplateDownload() {
  const t = useTranslations("batchPayouts");
  return (
    <button type="button" className={buttonClass("secondary")} onClick={() => downloadText(PAYOUT_TEMPLATE_FILE_NAME, PAYOUT_TEMPLATE_CSV)}>
      {t("template")}
    </button>
  );
}

export function BatchUpload({ available }: { available: string }) {
  const t = useTranslations("batchPayouts");
  const trpc = useTRPC();
  const router = useRouter();
  const parse = useMutation(trpc.payoutBatches.parseFile.mutationOptions());
  const validate = useMutation(trpc.payoutBatches.validate.mutationOptions());
  const submit = useMutation(trpc.payoutBatches.submit.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false, fallback: { generic: t("failed"), validation: t("failed") } });
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [edited, setEdited] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const [page, setPage] = useState(1);
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // One key per loaded file: a double click or a retry submits the batch once.
  const [idempotencyKey, setIdempotencyKey] = useState(newFormKey);

  const problemRows = useMemo(() => new Set(validation?.rows.filter((r) => r.errors.length > 0 || r.duplicateOfRow !== null || r.duplicateRecentId !== null).map((r) => r.row) ?? []), [validation]);
  const shown = useMemo(() => {
    const all = rows.map((row, i) => ({ row, n: i + 1 }));
    return onlyProblems && problemRows.size > 0 ? all.filter((r) => problemRows.has(r.n)) : all;
  }, [rows, onlyProblems, problemRows]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const availableBalance = BigInt(available);
  const shortfall = validation && validation.totalDeduct > availableBalance ? validation.totalDeduct - availableBalance : 0n;
  const canSubmit = validation !== null && !edited && validation.errorCount === 0 && (validation.duplicateCount === 0 || confirmDuplicates) && shortfall === 0n;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setConfirming(false);
    await run(
      async () => parse.mutateAsync({ fileName: file.name, contentBase64: await fileToBase64(file) }),
      {
        onSuccess: (result) => {
          setFileName(file.name);
          setRows(toRows(result.rows));
          setValidation(result.validation);
          setEdited(false);
          setPage(1);
          setOnlyProblems(true);
          setConfirmDuplicates(false);
          setIdempotencyKey(newFormKey());
        },
      },
    );
  }

  function edit(index: number, field: keyof Row, value: string) {
    setRows((current) => current.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
    setEdited(true);
  }

  async function revalidate() {
    await run(() => validate.mutateAsync({ rows }), {
      onSuccess: (result) => {
        setValidation(result);
        setEdited(false);
        setPage(1);
      },
    });
  }

  async function onSubmit() {
    await run(() => submit.mutateAsync({ rows, fileName: fileName ?? undefined, confirmDuplicates, idempotencyKey }), {
      onSuccess: (result) => router.push(`/withdrawals/batch/${result.batchId}`),
    });
  }

  const columnLabel = (field: keyof Row) => t(`columns.${field}`);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="batch-file" className="text-sm font-medium text-slate-700">
          {t("file")}
        </label>
        <input
          id="batch-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void onFile(e)}
          disabled={pending}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        {pending && parse.isPending && <p className="text-xs text-slate-500" role="status">{t("reading")}</p>}
      </div>
      <FormError message={error} />

      {validation && (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="batch-summary">
            {[
              ["rows", String(rows.length)],
              ["valid", String(validation.validCount)],
              ["errors", String(validation.errorCount)],
              ["duplicates", String(validation.duplicateCount)],
              ["amount", formatRupiah(validation.totalAmount)],
              ["fee", formatRupiah(validation.totalFee)],
              ["total", formatRupiah(validation.totalDeduct)],
              ...(shortfall > 0n ? [["shortfall", formatRupiah(shortfall)]] : []),
            ].map(([key, value]) => (
              <div key={key} className="rounded-md border border-slate-200 p-2">
                <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
                <dd className={`tabular font-semibold ${key === "errors" && validation.errorCount > 0 ? "text-rose-700" : key === "shortfall" ? "text-rose-700" : ""}`} data-testid={`batch-summary-${key}`}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>

          <p className="text-sm" role="status" data-testid="batch-validation-status">
            {edited ? t("editedHint") : validation.errorCount > 0 ? t("fixErrors", { count: validation.errorCount }) : t("allValid")}
          </p>

          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.target.checked); setPage(1); }} />
              {t("showProblems")}
            </label>
            <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={() => void revalidate()}>
              {pending && validate.isPending ? t("revalidating") : t("revalidate")}
            </button>
          </div>

          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("rowsCaption")}</caption>
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-2">{t("columns.row")}</th>
                  {EDITABLE.map((f) => (
                    <th key={f} scope="col" className="px-2 py-2">{columnLabel(f)}</th>
                  ))}
                  <th scope="col" className="px-2 py-2">{t("columns.problems")}</th>
                </tr>
              </thead>
              <tbody>
                {visible.map(({ row, n }) => {
                  const check = validation.rows[n - 1];
                  const problem = problemRows.has(n);
                  return (
                    <tr key={n} data-testid="batch-file-row" data-row={n} className={`border-t border-slate-100 ${check && check.errors.length > 0 ? "bg-rose-50" : problem ? "bg-amber-50" : ""}`}>
                      <td className="px-2 py-1 tabular text-slate-700">{n}</td>
                      {EDITABLE.map((field) => (
                        <td key={field} className="px-2 py-1">
                          {problem ? (
                            <input
                              aria-label={t("fieldLabel", { column: columnLabel(field), row: n })}
                              value={row[field]}
                              onChange={(e) => edit(n - 1, field, e.target.value)}
                              className="w-32 rounded border border-slate-300 px-2 py-1 text-sm"
                            />
                          ) : (
                            <span className={field === "amount" ? "tabular" : ""}>{row[field]}</span>
                          )}
                        </td>
                      ))}
                      <td className="px-2 py-1 text-xs">
                        {check && check.errors.length > 0 ? (
                          <ul className="list-disc pl-4 text-rose-700" data-testid="batch-row-errors">
                            {check.errors.map((e) => <li key={e}>{e}</li>)}
                          </ul>
                        ) : check?.duplicateOfRow ? (
                          <span className="text-amber-800">{t("duplicateOf", { row: check.duplicateOfRow })}</span>
                        ) : check?.duplicateRecentId ? (
                          <span className="text-amber-800">{t("duplicateRecent", { id: check.duplicateRecentId })}</span>
                        ) : (
                          <span className="text-emerald-700">{t("ok")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label={t("rowsCaption")} className="flex items-center gap-2 text-sm">
              <button type="button" className={buttonClass("secondary", "sm")} disabled={page <= 1} onClick={() => setPage(page - 1)}>‹</button>
              <span className="tabular">{Math.min(page, pages)} / {pages}</span>
              <button type="button" className={buttonClass("secondary", "sm")} disabled={page >= pages} onClick={() => setPage(page + 1)}>›</button>
            </nav>
          )}

          {validation.duplicateCount > 0 && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={confirmDuplicates} onChange={(e) => setConfirmDuplicates(e.target.checked)} />
              {t("confirmDuplicates")}
            </label>
          )}

          {confirming ? (
            <ConfirmBox
              tone="warning"
              label={t("submit")}
              question={t("confirmQuestion", { count: rows.length, amount: formatRupiah(validation.totalAmount), fee: formatRupiah(validation.totalFee), total: formatRupiah(validation.totalDeduct) })}
              confirmLabel={t("confirm")}
              busyLabel={t("submitting")}
              cancelLabel={t("cancel")}
              busy={pending}
              onConfirm={() => void onSubmit()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div>
              <button type="button" className={buttonClass("primary")} disabled={!canSubmit || pending} onClick={() => setConfirming(true)}>
                {t("submit")}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

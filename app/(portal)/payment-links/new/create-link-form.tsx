"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Field, FormError, SubmitButton, TextareaField } from "../../../_components/field";
import { useFormKey } from "../../../_lib/form-key";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

const digits = /^\d{1,13}$/;
const positive = (text: string) => digits.test(text.trim()) && BigInt(text.trim()) > 0n;
/** `<input type="datetime-local">` gives "YYYY-MM-DDTHH:mm"; the label says WIB, so it is read as UTC+7. */
const wibInput = (value: string) => new Date(`${value}:00+07:00`);

// Each issue's message is the key of its text under paymentLinks.validation.
const formSchema = z
  .object({
    amountType: z.enum(["fixed", "open"]),
    amount: z.string(),
    minAmount: z.string(),
    maxAmount: z.string(),
    description: z.string().trim().min(1, "description").max(200, "description"),
    expiresAt: z.string(),
    singleUse: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.amountType === "fixed") {
      if (!positive(v.amount)) ctx.addIssue({ code: "custom", path: ["amount"], message: "amount" });
    } else {
      if (!positive(v.minAmount)) ctx.addIssue({ code: "custom", path: ["minAmount"], message: "min" });
      if (!positive(v.maxAmount)) ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "max" });
      else if (positive(v.minAmount) && BigInt(v.minAmount.trim()) > BigInt(v.maxAmount.trim())) ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "range" });
    }
    if (v.expiresAt) {
      const at = wibInput(v.expiresAt);
      if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "expires" });
    }
  });
type FormValues = z.infer<typeof formSchema>;

export function CreateLinkForm() {
  const t = useTranslations("paymentLinks");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.paymentLinks.create.mutationOptions());
  const { run, error } = useAction({ refresh: false, fallback: { generic: t("createFailed"), validation: t("createFailed") } });
  // One key per link: a double click or a retry makes one link; renewed after a success.
  const [idempotencyKey, renewIdempotencyKey] = useFormKey();
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    mode: "onTouched",
    defaultValues: { amountType: "fixed", amount: "", minAmount: "", maxAmount: "", description: "", expiresAt: "", singleUse: false },
  });
  const { errors, isSubmitting } = form.formState;
  const amountType = form.watch("amountType");
  const message = (issue?: { message?: string }) => (issue?.message ? t(`validation.${issue.message}` as "validation.amount") : null);
  const digitsOnly = { inputMode: "numeric" as const, autoComplete: "off", onInput: (e: React.FormEvent<HTMLInputElement>) => (e.currentTarget.value = e.currentTarget.value.replace(/[^\d]/g, "")) };

  const onSubmit = form.handleSubmit(async (v) => {
    const fixed = v.amountType === "fixed";
    await run(
      () =>
        create.mutateAsync({
          amount: fixed ? BigInt(v.amount.trim()) : null,
          minAmount: fixed ? null : BigInt(v.minAmount.trim()),
          maxAmount: fixed ? null : BigInt(v.maxAmount.trim()),
          description: v.description.trim(),
          expiresAt: v.expiresAt ? wibInput(v.expiresAt) : null,
          singleUse: v.singleUse,
          idempotencyKey,
        }),
      {
        onSuccess: (link) => {
          renewIdempotencyKey();
          router.push(`/payment-links/${link.id}`);
        },
      },
    );
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormError message={error} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("amountType")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(["fixed", "open"] as const).map((kind) => (
            <label
              key={kind}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${amountType === kind ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              <input type="radio" value={kind} {...form.register("amountType")} />
              {kind === "fixed" ? t("amountFixed") : t("amountOpen")}
            </label>
          ))}
        </div>
      </fieldset>
      {amountType === "fixed" ? (
        <Field id="amount" label={t("amount")} hint={t("amountHint")} error={message(errors.amount)} {...digitsOnly} {...form.register("amount")} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="minAmount" label={t("minAmount")} hint={t("amountHint")} error={message(errors.minAmount)} {...digitsOnly} {...form.register("minAmount")} />
          <Field id="maxAmount" label={t("maxAmount")} error={message(errors.maxAmount)} {...digitsOnly} {...form.register("maxAmount")} />
        </div>
      )}
      <TextareaField id="description" label={t("description")} hint={t("descriptionHint")} maxLength={200} error={message(errors.description)} {...form.register("description")} />
      <Field id="expiresAt" type="datetime-local" label={t("expiresAt")} hint={t("expiresHint")} error={message(errors.expiresAt)} {...form.register("expiresAt")} />
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-0.5" {...form.register("singleUse")} />
        <span>{t("singleUse")}</span>
      </label>
      <SubmitButton busy={isSubmitting} label={t("create")} busyLabel={t("creating")} />
    </form>
  );
}

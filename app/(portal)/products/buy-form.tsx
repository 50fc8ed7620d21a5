"use client";
// Buying a prepaid product from the portal: type → operator → product, the customer number
// checked per type as the API checks it, a PLN inquiry showing the holder's name before a
// token is bought, and a one-time form token so a double submit never buys twice.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { PRODUCT_TYPES, operatorName, type ProductType } from "@/server/prepaid/catalogue";
import { checkCustomerId, detectOperator, normaliseMsisdn } from "@/server/prepaid/customer-id";
import { Field, FormError, FormNotice, SelectField, SubmitButton } from "../../_components/field";
import { FilterSelect } from "../../_components/filter-select";
import { DetailList } from "../../_components/ui";
import { ActionRefused, useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export type BuyableProduct = { code: string; type: string; operator: string; operatorName: string; name: string; price: string };
type PlnCustomer = { meterNo: string; name: string; tariff: string; power: number };

function newFormToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const REFUSALS = ["BAD_CUSTOMER", "OPERATOR_MISMATCH", "INSUFFICIENT", "UNKNOWN_PRODUCT", "OUT_OF_SERVICE", "CANNOT_AUTHENTICATE", "DUPLICATE_REF"] as const;

export function BuyForm({ products, initialCode }: { products: BuyableProduct[]; initialCode?: string }) {
  const t = useTranslations("prepaid");
  const trpc = useTRPC();
  const buy = useMutation(trpc.prepaid.buy.mutationOptions());
  const inquiry = useMutation(trpc.prepaid.inquiryPln.mutationOptions());
  const fallback = { generic: t("errors.generic"), validation: t("errors.validation") };
  // Buying refreshes the page (the order history and the top bar balance catch up); asking PLN does not.
  const buying = useAction({ fallback });
  const asking = useAction({ fallback, refresh: false });

  const initial = products.find((p) => p.code === initialCode);
  const types = PRODUCT_TYPES.filter((value) => products.some((p) => p.type === value));
  const [type, setType] = useState<ProductType>((initial?.type as ProductType | undefined) ?? types[0] ?? "pulsa");
  const [operator, setOperator] = useState(initial?.operator ?? "");
  const [code, setCode] = useState(initial?.code ?? "");
  const [customer, setCustomer] = useState("");
  const [formToken, setFormToken] = useState(newFormToken);
  const [plnCustomer, setPlnCustomer] = useState<PlnCustomer | null>(null);
  const [plnNotFound, setPlnNotFound] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const operators = [...new Set(products.filter((p) => p.type === type).map((p) => p.operator))];
  const choices = products.filter((p) => p.type === type && (!operator || p.operator === operator));
  const product = choices.find((p) => p.code === code);
  const msisdn = type === "pulsa" || type === "data" ? normaliseMsisdn(customer) : null;
  const detected = msisdn ? detectOperator(msisdn) : null;
  const meter = customer.trim();
  const plnChecked = type === "pln" && plnCustomer?.meterNo === meter;

  function resetAfterChange() {
    buying.setError(null);
    buying.setNotice(null);
    asking.setError(null);
    setFieldError(null);
  }

  async function checkPln(): Promise<void> {
    setPlnNotFound(false);
    setPlnCustomer(null);
    const check = checkCustomerId("pln", "pln", meter);
    if (!check.ok) {
      setFieldError(t("buy.errors.customer"));
      return;
    }
    setFieldError(null);
    await asking.run(() => inquiry.mutateAsync({ customerId: meter }), {
      onSuccess: ({ customer: found }) => (found ? setPlnCustomer(found) : setPlnNotFound(true)),
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    resetAfterChange();
    if (!product) return buying.setError(t("buy.errors.product"));
    const check = checkCustomerId(product.type, product.operator, customer);
    if (!check.ok) {
      return setFieldError(check.reason === "OPERATOR_MISMATCH" && detected ? t("buy.errors.operator", { operator: operatorName(detected) }) : t("buy.errors.customer"));
    }
    if (product.type === "pln" && !plnChecked) return checkPln();
    await buying.run(
      async () => {
        const result = await buy.mutateAsync({ productCode: product.code, customerId: customer.trim(), clientRef: formToken });
        // A refusal (IAK's rc) is an answer, not a crash: shown as the error, nothing was bought. The
        // ref_id is now bound to that refusal, so the next try gets a fresh token.
        if (!result.ok) setFormToken(newFormToken());
        if (!result.ok) throw new ActionRefused(REFUSALS.find((r) => r === result.code) ? t(`refusals.${result.code}`) : t("refusals.other", { rc: result.rc }));
        return result.refId;
      },
      {
        onSuccess: () => {
          setFormToken(newFormToken());
          setCustomer("");
          setPlnCustomer(null);
        },
        done: (refId) => t("buy.placed", { ref: refId }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={buying.error ?? asking.error} />
      <FormNotice message={buying.notice} testId="buy-placed" />
      <div className="grid gap-4 sm:grid-cols-2">
        <FilterSelect
          id="buy-type"
          label={t("buy.type")}
          value={type}
          onValueChange={(value) => {
            setType(value as ProductType);
            setOperator("");
            setCode("");
            setPlnCustomer(null);
            resetAfterChange();
          }}
          options={types.map((value) => ({ value, label: t(`types.${value}`) }))}
        />
        <FilterSelect
          id="buy-operator"
          label={t("buy.operator")}
          value={operator}
          onValueChange={(value) => {
            setOperator(value);
            setCode("");
            resetAfterChange();
          }}
          allLabel={t("catalogue.allOperators")}
          options={operators.map((value) => ({ value, label: operatorName(value) }))}
        />
        <SelectField
          id="buy-product"
          label={t("buy.product")}
          className="sm:col-span-2"
          value={product ? product.code : ""}
          onChange={(e) => {
            setCode(e.target.value);
            resetAfterChange();
          }}
          options={[
            { value: "", label: choices.length ? t("buy.chooseProduct") : t("buy.noProducts") },
            ...choices.map((p) => ({ value: p.code, label: `${p.name} — ${formatRupiah(BigInt(p.price))}` })),
          ]}
        />
      </div>

      <Field
        id="buy-customer"
        label={t("buy.customerId")}
        autoComplete="off"
        inputMode={type === "games" ? "text" : "numeric"}
        value={customer}
        onChange={(e) => {
          setCustomer(e.target.value);
          setFieldError(null);
          setPlnNotFound(false);
        }}
        hint={`${t(`buy.hints.${type}`)}${detected ? ` ${t("buy.detected", { operator: operatorName(detected) })}` : ""}`}
        error={fieldError ?? undefined}
      />

      {type === "pln" && (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          {!plnChecked && <p className="text-slate-600">{t("buy.inquiryFirst")}</p>}
          {plnChecked && plnCustomer && (
            <div data-testid="pln-customer" aria-live="polite">
              <DetailList
                items={[
                  { label: t("buy.inquiryName"), value: plnCustomer.name, className: "font-semibold" },
                  { label: t("buy.inquiryTariff"), value: `${plnCustomer.tariff} / ${plnCustomer.power} VA` },
                ]}
              />
            </div>
          )}
          {plnNotFound && <p role="alert" className="text-rose-700">{t("buy.inquiryNotFound")}</p>}
        </div>
      )}

      <dl className="grid grid-cols-2 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="font-medium">{t("buy.price")}</dt>
        <dd className="tabular text-right font-semibold" data-testid="buy-price">{product ? formatRupiah(BigInt(product.price)) : "—"}</dd>
      </dl>
      <SubmitButton
        busy={buying.pending || asking.pending}
        label={type === "pln" && !plnChecked ? t("buy.inquiry") : t("buy.submit")}
        busyLabel={asking.pending ? t("buy.inquiring") : t("buy.submitting")}
      />
    </form>
  );
}

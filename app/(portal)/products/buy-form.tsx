"use client";
// Buying a prepaid product from the portal: type → operator → product, the customer number
// checked per type as the API checks it, a PLN inquiry showing the holder's name before a
// token is bought, and a one-time form token so a double submit never buys twice.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { PRODUCT_TYPES, operatorName, type ProductType } from "@/server/prepaid/catalogue";
import { checkCustomerId, detectOperator, normaliseMsisdn } from "@/server/prepaid/customer-id";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { useTRPC } from "../../_trpc/client";
import { trpcErrorText } from "@/app/_lib/error-message";

export type BuyableProduct = { code: string; type: string; operator: string; operatorName: string; name: string; price: string };
type PlnCustomer = { meterNo: string; name: string; tariff: string; power: number };

function newFormToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const REFUSALS = ["BAD_CUSTOMER", "OPERATOR_MISMATCH", "INSUFFICIENT", "UNKNOWN_PRODUCT", "OUT_OF_SERVICE", "CANNOT_AUTHENTICATE", "DUPLICATE_REF"] as const;
const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500";

export function BuyForm({ products, initialCode }: { products: BuyableProduct[]; initialCode?: string }) {
  const t = useTranslations("prepaid");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const buy = useMutation(trpc.prepaid.buy.mutationOptions());
  const inquiry = useMutation(trpc.prepaid.inquiryPln.mutationOptions());

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
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);

  const operators = [...new Set(products.filter((p) => p.type === type).map((p) => p.operator))];
  const choices = products.filter((p) => p.type === type && (!operator || p.operator === operator));
  const product = choices.find((p) => p.code === code);
  const msisdn = type === "pulsa" || type === "data" ? normaliseMsisdn(customer) : null;
  const detected = msisdn ? detectOperator(msisdn) : null;
  const meter = customer.trim();
  const plnChecked = type === "pln" && plnCustomer?.meterNo === meter;
  const errorText = (e: unknown) => trpcErrorText(e, locale, { generic: t("errors.generic"), validation: t("errors.validation") });

  function resetAfterChange() {
    setError(null);
    setPlaced(null);
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
    try {
      const { customer: found } = await inquiry.mutateAsync({ customerId: meter });
      if (found) setPlnCustomer(found);
      else setPlnNotFound(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPlaced(null);
    if (!product) return setError(t("buy.errors.product"));
    const check = checkCustomerId(product.type, product.operator, customer);
    if (!check.ok) {
      return setFieldError(check.reason === "OPERATOR_MISMATCH" && detected ? t("buy.errors.operator", { operator: operatorName(detected) }) : t("buy.errors.customer"));
    }
    setFieldError(null);
    if (product.type === "pln" && !plnChecked) return checkPln();
    try {
      const result = await buy.mutateAsync({ productCode: product.code, customerId: customer.trim(), clientRef: formToken });
      if (!result.ok) {
        setError(REFUSALS.find((r) => r === result.code) ? t(`refusals.${result.code as (typeof REFUSALS)[number]}`) : t("refusals.other", { rc: result.rc }));
        return;
      }
      setPlaced(result.refId);
      setFormToken(newFormToken());
      setCustomer("");
      setPlnCustomer(null);
      router.refresh(); // the order history and the top bar balance catch up
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      {placed && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="buy-placed">
          {t("buy.placed", { ref: placed })}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="buy-type" className="text-sm font-medium text-slate-700">{t("buy.type")}</label>
          <select
            id="buy-type"
            className={selectClass}
            value={type}
            onChange={(e) => {
              setType(e.target.value as ProductType);
              setOperator("");
              setCode("");
              setPlnCustomer(null);
              resetAfterChange();
            }}
          >
            {types.map((value) => (
              <option key={value} value={value}>{t(`types.${value}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="buy-operator" className="text-sm font-medium text-slate-700">{t("buy.operator")}</label>
          <select
            id="buy-operator"
            className={selectClass}
            value={operator}
            onChange={(e) => {
              setOperator(e.target.value);
              setCode("");
              resetAfterChange();
            }}
          >
            <option value="">{t("catalogue.allOperators")}</option>
            {operators.map((value) => (
              <option key={value} value={value}>{operatorName(value)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="buy-product" className="text-sm font-medium text-slate-700">{t("buy.product")}</label>
          <select
            id="buy-product"
            className={selectClass}
            value={product ? product.code : ""}
            onChange={(e) => {
              setCode(e.target.value);
              resetAfterChange();
            }}
          >
            <option value="">{choices.length ? t("buy.chooseProduct") : t("buy.noProducts")}</option>
            {choices.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} — {formatRupiah(BigInt(p.price))}
              </option>
            ))}
          </select>
        </div>
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
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="pln-customer" aria-live="polite">
              <dt className="text-slate-500">{t("buy.inquiryName")}</dt>
              <dd className="font-semibold">{plnCustomer.name}</dd>
              <dt className="text-slate-500">{t("buy.inquiryTariff")}</dt>
              <dd>
                {plnCustomer.tariff} / {plnCustomer.power} VA
              </dd>
            </dl>
          )}
          {plnNotFound && <p role="alert" className="text-rose-700">{t("buy.inquiryNotFound")}</p>}
        </div>
      )}

      <dl className="grid grid-cols-2 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="font-medium">{t("buy.price")}</dt>
        <dd className="tabular text-right font-semibold" data-testid="buy-price">{product ? formatRupiah(BigInt(product.price)) : "—"}</dd>
      </dl>
      <SubmitButton
        busy={buy.isPending || inquiry.isPending}
        label={type === "pln" && !plnChecked ? t("buy.inquiry") : t("buy.submit")}
        busyLabel={inquiry.isPending ? t("buy.inquiring") : t("buy.submitting")}
      />
    </form>
  );
}

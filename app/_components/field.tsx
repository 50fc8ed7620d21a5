import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { buttonClass } from "./button";

// Labelled form controls with their hint and error wired up for screen readers. The label text
// is what the e2e tests select by, so every control here has one.
type FrameProps = { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; className?: string };

const controlClass = (error: string | null | undefined, extra = "") =>
  `rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-rose-400" : "border-slate-300"} ${extra}`.trim();

const describe = ({ id, hint, error }: FrameProps) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

function FieldFrame({ id, label, hint, error, className = "", children }: FrameProps & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-rose-600">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

type InputProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">;

export function Field({ id, label, hint, error, className, ...input }: InputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} {...describe({ id, label, hint, error })} className={controlClass(error)} {...input} />
    </FieldFrame>
  );
}

/** A whole-rupiah amount: digits only, a numeric keyboard on phones. */
export function AmountField({ onValueChange, ...props }: Omit<InputProps, "onChange" | "inputMode"> & { onValueChange: (digits: string) => void }) {
  return <Field inputMode="numeric" autoComplete="off" {...props} onChange={(e) => onValueChange(e.target.value.replace(/[^\d]/g, ""))} />;
}

export function TextareaField({ id, label, hint, error, className, ...textarea }: FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className">) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} rows={2} {...describe({ id, label, hint, error })} className={controlClass(error)} {...textarea} />
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

/** A labelled select: `options`, or <option>/<optgroup> children when it needs groups. */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  options = [],
  children,
  ...select
}: FrameProps & { options?: SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className">) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} {...describe({ id, label, hint, error })} className={controlClass(error)} {...select}>
        {children ??
          options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
      </select>
    </FieldFrame>
  );
}

/** A failure message; `compact` for the small ones beside a button in a table row or a card. */
export function FormError({ message, compact = false }: { message?: string | null; compact?: boolean }) {
  if (!message) return null;
  return (
    <p role="alert" className={compact ? "text-xs text-rose-700" : "rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700"}>
      {message}
    </p>
  );
}

/** What just succeeded ("Saved."). */
export function FormNotice({ message, testId }: { message?: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p role="status" data-testid={testId} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}

export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" disabled={busy} aria-busy={busy} className={buttonClass("primary", "lg", "w-full")}>
      {busy ? busyLabel : label}
    </button>
  );
}

"use client";
// Filters for lists. In a FilterBar (a GET form) a FilterSelect applies itself: choosing an option
// submits the form, so the URL's search parameter changes at once and the server renders the
// filtered list. Given `onValueChange` instead, it drives client state (e.g. narrowing a picker).
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { SelectField, type SelectOption } from "./field";

type FilterSelectProps = {
  id: string;
  label: string;
  options: SelectOption[];
  /** The first option, meaning "no filter" (value ""). */
  allLabel?: string;
  className?: string;
} & ({ name: string; defaultValue: string; value?: never; onValueChange?: never } | { value: string; onValueChange: (value: string) => void; name?: never; defaultValue?: never });

export function FilterSelect({ id, label, options, allLabel, className, ...mode }: FilterSelectProps) {
  const all = allLabel === undefined ? options : [{ value: "", label: allLabel }, ...options];
  return mode.onValueChange ? (
    <SelectField id={id} label={label} className={className} options={all} value={mode.value} onChange={(e) => mode.onValueChange(e.target.value)} />
  ) : (
    <SelectField id={id} label={label} className={className} options={all} name={mode.name} defaultValue={mode.defaultValue} onChange={(e) => e.currentTarget.form?.requestSubmit()} />
  );
}

/** A row of filters over a list, submitted as a GET to `action`; `reset` links back to the unfiltered list. */
export function FilterBar({
  action,
  applyLabel,
  reset,
  label,
  hidden = {},
  className = "mb-4",
  children,
}: {
  action: string;
  applyLabel: string;
  reset?: { href: string; label: string };
  label?: string;
  hidden?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form action={action} aria-label={label} role={label ? "search" : undefined} className={`flex flex-wrap items-end gap-3 ${className}`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={buttonClass("secondary", "lg")}>
        {applyLabel}
      </button>
      {reset && (
        <Link href={reset.href} className={buttonClass("secondary", "lg")}>
          {reset.label}
        </Link>
      )}
    </Form>
  );
}

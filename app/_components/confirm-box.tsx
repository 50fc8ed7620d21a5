"use client";
// The inline "are you sure?" step before an action that cannot be undone (cancel an invoice,
// approve a payout, revoke a key…): a question, a confirm button and a way back. Focus moves to
// "cancel" when it opens, so Enter never confirms by accident.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useReturnFocus } from "../_lib/use-return-focus";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button";

const TONES = {
  danger: { box: "border-rose-200 bg-rose-50", text: "text-rose-800", button: "danger" },
  warning: { box: "border-amber-200 bg-amber-50", text: "text-amber-900", button: "warning" },
  success: { box: "border-emerald-200 bg-emerald-50", text: "text-emerald-900", button: "success" },
} as const;

export function ConfirmBox({
  tone,
  label,
  question,
  confirmLabel,
  busyLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  tone: keyof typeof TONES;
  label: string;
  question: string;
  confirmLabel: string;
  busyLabel?: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Shown under the buttons: the error of the last attempt. */
  children?: ReactNode;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const look = TONES[tone];
  return (
    <div role="alertdialog" aria-label={label} className={`flex flex-col gap-2 rounded-md border p-3 ${look.box}`}>
      <p className={`text-sm ${look.text}`}>{question}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={busy} aria-busy={busy} onClick={onConfirm} className={buttonClass(look.button)}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" disabled={busy} onClick={onCancel} className={buttonClass("secondary")}>
          {cancelLabel}
        </button>
      </div>
      {children}
    </div>
  );
}

type ConfirmTexts = {
  /** The button that asks first. */
  trigger: string;
  /** Its accessible name when the label alone is ambiguous (one per table row). */
  triggerName?: string;
  question: string;
  confirm: string;
  cancel: string;
  /** Shown on the buttons while the action runs. */
  busy?: string;
};

/**
 * A button that asks before it acts: clicking it opens a ConfirmBox in its place; confirming runs
 * `onConfirm` (true when it worked, which closes the box); cancelling gives focus back to the button.
 * With `ask={false}` it acts at once (nothing to lose yet).
 */
export function ConfirmButton({
  tone,
  texts,
  busy = false,
  onConfirm,
  ask = true,
  variant = "secondary",
  size = "md",
  error,
}: {
  tone: keyof typeof TONES;
  texts: ConfirmTexts;
  busy?: boolean;
  onConfirm: () => Promise<boolean>;
  ask?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  error?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useReturnFocus<HTMLButtonElement>(open);
  const confirm = async () => {
    if (await onConfirm()) setOpen(false);
  };
  if (!open) {
    return (
      <>
        <button ref={trigger} type="button" disabled={busy} aria-label={texts.triggerName} onClick={() => (ask ? setOpen(true) : void confirm())} className={buttonClass(variant, size)}>
          {busy && texts.busy ? texts.busy : texts.trigger}
        </button>
        {error}
      </>
    );
  }
  return (
    <ConfirmBox
      tone={tone}
      label={texts.triggerName ?? texts.trigger}
      question={texts.question}
      confirmLabel={texts.confirm}
      busyLabel={texts.busy}
      cancelLabel={texts.cancel}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={() => setOpen(false)}
    >
      {error}
    </ConfirmBox>
  );
}

"use client";
import { useMutation } from "@tanstack/react-query";
import { buttonClass } from "../../_components/button";
import { FormError } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function MarkReadButton({ label }: { label: string }) {
  const trpc = useTRPC();
  const markRead = useMutation(trpc.treasury.markRead.mutationOptions());
  const { run, pending, error } = useAction();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" disabled={pending} onClick={() => void run(() => markRead.mutateAsync())} className={buttonClass("secondary", "lg")}>
        {label}
      </button>
      <FormError message={error} compact />
    </span>
  );
}

"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "../../_trpc/client";

export function MarkReadButton({ label }: { label: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const markRead = useMutation(trpc.treasury.markRead.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <button type="button" disabled={markRead.isPending} onClick={() => markRead.mutate()} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
      {label}
    </button>
  );
}

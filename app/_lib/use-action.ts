"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Runs a mutation, shows its error message, and refreshes the server-rendered page on success. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return { run, error, setError };
}

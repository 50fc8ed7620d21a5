"use client";
import { useEffect, useRef } from "react";

/**
 * For the button that opens a panel or a confirmation: when `open` turns false again, focus
 * comes back to it (attach the returned ref), so keyboard users stay where they were.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}

"use client";
// One key per form instance for a money-moving mutation: made when the form mounts, sent with every
// submit, renewed only after a success. The server writes it on the row it creates (unique per
// merchant), so a double click or a retry after a lost answer creates nothing twice.
import { useCallback, useState } from "react";

/** A v4 uuid; crypto.randomUUID is missing outside secure contexts (plain http on a LAN address). */
export function newFormKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The form's current key and a function that replaces it (call it after a success). */
export function useFormKey(): [string, () => void] {
  const [key, setKey] = useState(newFormKey);
  const renew = useCallback(() => setKey(newFormKey()), []);
  return [key, renew];
}

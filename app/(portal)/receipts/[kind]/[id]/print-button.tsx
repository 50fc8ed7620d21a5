"use client";
import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../../../../_components/button";

export function PrintButton() {
  const t = useTranslations("receipts");
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden className="h-4 w-4" />
      {t("print")}
    </Button>
  );
}

import type { ParamDoc } from "@/lib/api-request";

/** What the docs page hands the browser about one operation (no zod objects). */
export type ConsoleOperation = {
  operationId: string;
  method: "get" | "post";
  path: string;
  auth: "apiKey" | "sign" | "public";
  params: ParamDoc[];
  signSuffix?: { literal: string } | { param: string };
};

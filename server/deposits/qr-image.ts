import { AppError } from "../errors";
import { qrPng, qrSvg } from "../qris/render";
import { getDepositForPayer } from "./find-deposits";

/** The QR of a QRIS deposit, for `qris_image` links and the payment page. Public: the id is unguessable. */
export async function depositQrImage(depositId: string, format: "png" | "svg") {
  const deposit = await getDepositForPayer(depositId);
  if (!deposit.qrisPayload) throw new AppError("NOT_FOUND", "Invoice ini tidak punya QRIS / This invoice has no QRIS");
  return format === "png" ? { body: new Uint8Array(await qrPng(deposit.qrisPayload)), type: "image/png" } : { body: await qrSvg(deposit.qrisPayload), type: "image/svg+xml" };
}

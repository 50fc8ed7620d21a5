// QR images of QRIS payloads, rendered by the maintained `qrcode` package.
import QRCode from "qrcode";

const OPTIONS = { errorCorrectionLevel: "M" as const, margin: 2 };

export const qrPng = (payload: string) => QRCode.toBuffer(payload, { ...OPTIONS, type: "png", width: 360 });
export const qrSvg = (payload: string) => QRCode.toString(payload, { ...OPTIONS, type: "svg" });

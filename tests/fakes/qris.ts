// Dynamic QRIS payloads (EMV QR Code, merchant-presented mode) for the Midtrans fake's qr_string,
// and a reader so tests can check one: tag-length-value fields ending in tag 63, a CRC-16/CCITT-FALSE.

export function crc16(s: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

const tlv = (id: string, v: string) => `${id}${String(v.length).padStart(2, "0")}${v}`;

/** A dynamic QRIS payload with a valid CRC (tag 54 carries the amount, tag 62.05 the reference). */
export function qrisPayload(amount: number, ref: string): string {
  const merchant = tlv("00", "COM.GO-JEK.WWW") + tlv("01", "936009140000000000") + tlv("03", "UMI");
  const body = tlv("00", "01") + tlv("01", "12") + tlv("26", merchant) + tlv("52", "5411") + tlv("53", "360") +
    tlv("54", String(amount)) + tlv("58", "ID") + tlv("59", "SALDO FAKE") + tlv("60", "JAKARTA") + tlv("62", tlv("05", ref.slice(0, 25))) + "6304";
  return body + crc16(body);
}

/** The top-level fields of a QRIS payload by tag, or null when its CRC or structure is wrong. */
export function readQris(payload: string): Record<string, string> | null {
  if (payload.length < 8 || crc16(payload.slice(0, -4)) !== payload.slice(-4)) return null;
  const fields: Record<string, string> = {};
  for (let i = 0; i < payload.length; ) {
    const tag = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!Number.isInteger(len) || i + 4 + len > payload.length) return null;
    fields[tag] = payload.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return fields;
}

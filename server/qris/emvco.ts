// Dynamic QRIS payloads (EMVCo merchant-presented QR, as profiled by Bank Indonesia's QRIS).
// The payload is a flat sequence of ID-length-value records; templates 26 (merchant account)
// and 62 (additional data) carry their own nested ID-length-value sequences.
//
// Lengths are counted in Unicode code points, not UTF-16 units, so a name with an emoji or
// other astral character is never split in half when truncated and the declared length
// agrees with what a wallet app decodes. The CRC runs over the UTF-8 bytes, as the spec says.

export type QrisFields = {
  merchantAccount: {
    globallyUniqueId: string;
    merchantPan: string;
    merchantId: string;
    merchantCriteria: string;
  };
  merchantCategoryCode: string;
  amount: bigint;
  merchantName: string;
  merchantCity: string;
  postalCode?: string;
  reference: string;
  terminalLabel?: string;
};

export type ParsedQris = {
  fields: Record<string, string>;
  merchantAccount: Record<string, string>;
  additionalData: Record<string, string>;
  amount: bigint | null;
  pointOfInitiation: string;
  merchantName: string;
  merchantCity: string;
  reference: string | null;
  crc: string;
  crcValid: boolean;
};

const MAX_VALUE_LENGTH = 99; // the length field is only two decimal digits
const MAX_AMOUNT_LENGTH = 13; // EMVCo limit for tag 54
const MAX_MERCHANT_NAME = 25;
const MAX_MERCHANT_CITY = 15;
const MAX_SUBFIELD_62 = 25; // EMVCo limit for reference and terminal labels
const MAX_POSTAL_CODE = 10;
const CRC_HEADER = "6304"; // tag 63, length 4: part of the checksummed data itself

const CRC_TABLE: readonly number[] = (() => {
  // Table-driven so the CRC stays cheap on every generated QR; the tests check it against a
  // plain bitwise implementation.
  const table: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table.push(crc);
  }
  return table;
})();

const utf8 = new TextEncoder();

/** CRC-16/CCITT-FALSE over the UTF-8 bytes of `input`, as four upper-case hex digits. */
export function crc16CcittFalse(input: string): string {
  let crc = 0xffff;
  for (const byte of utf8.encode(input)) {
    crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  // Scanners compare the CRC text literally, so the case and zero padding are fixed.
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function codePointLength(s: string): number {
  return Array.from(s).length;
}

function truncate(s: string, max: number): string {
  const points = Array.from(s);
  return points.length <= max ? s : points.slice(0, max).join("");
}

/** One ID-length-value record. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`QRIS: tag id must be two digits, got "${id}"`);
  const length = codePointLength(value);
  // A longer value cannot be encoded at all; silently cutting it would corrupt the payload.
  if (length > MAX_VALUE_LENGTH) {
    throw new Error(`QRIS: value of tag ${id} is ${length} characters, the maximum is ${MAX_VALUE_LENGTH}`);
  }
  return id + String(length).padStart(2, "0") + value;
}

/** Splits a flat ID-length-value sequence; throws on anything that does not tile exactly. */
export function parseTlv(s: string): Array<{ id: string; value: string }> {
  const chars = Array.from(s);
  const out: Array<{ id: string; value: string }> = [];
  let pos = 0;
  while (pos < chars.length) {
    if (pos + 4 > chars.length) {
      throw new Error(`QRIS: truncated record header at position ${pos}`);
    }
    const id = chars.slice(pos, pos + 2).join("");
    const len = chars.slice(pos + 2, pos + 4).join("");
    if (!/^\d{2}$/.test(id)) throw new Error(`QRIS: invalid tag id "${id}" at position ${pos}`);
    if (!/^\d{2}$/.test(len)) throw new Error(`QRIS: invalid length "${len}" for tag ${id} at position ${pos}`);
    const length = Number(len);
    const start = pos + 4;
    if (start + length > chars.length) {
      throw new Error(
        `QRIS: tag ${id} declares ${length} characters but only ${chars.length - start} remain (truncated payload?)`,
      );
    }
    out.push({ id, value: chars.slice(start, start + length).join("") });
    pos = start + length;
  }
  return out;
}

function toRecord(entries: Array<{ id: string; value: string }>, where: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { id, value } of entries) {
    // A repeated tag makes the meaning ambiguous; better to refuse than to pick one.
    if (Object.hasOwn(record, id)) throw new Error(`QRIS: duplicate tag ${id} in ${where}`);
    record[id] = value;
  }
  return record;
}

function requireText(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw new Error(`QRIS: ${name} is required`);
  return value;
}

function requireMax(name: string, value: string, max: number): string {
  // Truncating a reference would make deposits unmatchable, so these refuse instead.
  if (codePointLength(value) > max) throw new Error(`QRIS: ${name} must be at most ${max} characters`);
  return value;
}

export function buildQrisPayload(fields: QrisFields): string {
  const account = fields.merchantAccount;
  if (!/^\d{4}$/.test(fields.merchantCategoryCode)) {
    throw new Error(`QRIS: merchant category code must be 4 digits, got "${fields.merchantCategoryCode}"`);
  }
  // BigInt keeps large rupiah amounts exact; a float would silently round past 2^53.
  if (fields.amount <= 0n) throw new Error("QRIS: amount must be greater than zero");
  const amount = fields.amount.toString();
  if (amount.length > MAX_AMOUNT_LENGTH) {
    throw new Error(`QRIS: amount has ${amount.length} digits, the maximum is ${MAX_AMOUNT_LENGTH}`);
  }

  const merchantAccount =
    tlv("00", requireText("globally unique id", account.globallyUniqueId)) +
    tlv("01", requireText("merchant PAN", account.merchantPan)) +
    tlv("02", requireText("merchant id", account.merchantId)) +
    tlv("03", requireText("merchant criteria", account.merchantCriteria));

  let additionalData = tlv("05", requireMax("reference", requireText("reference", fields.reference), MAX_SUBFIELD_62));
  if (fields.terminalLabel !== undefined) {
    additionalData += tlv("07", requireMax("terminal label", requireText("terminal label", fields.terminalLabel), MAX_SUBFIELD_62));
  }

  let payload =
    tlv("00", "01") +
    tlv("01", "12") + // "12" = dynamic: the QR is for this one payment and may be used once
    tlv("26", merchantAccount) +
    tlv("52", fields.merchantCategoryCode) +
    tlv("53", "360") + // ISO 4217 numeric code for IDR
    tlv("54", amount) +
    tlv("58", "ID") +
    tlv("59", truncate(requireText("merchant name", fields.merchantName), MAX_MERCHANT_NAME)) +
    tlv("60", truncate(requireText("merchant city", fields.merchantCity), MAX_MERCHANT_CITY));
  if (fields.postalCode !== undefined) {
    payload += tlv("61", requireMax("postal code", requireText("postal code", fields.postalCode), MAX_POSTAL_CODE));
  }
  payload += tlv("62", additionalData) + CRC_HEADER;
  return payload + crc16CcittFalse(payload);
}

function parseAmount(raw: string | undefined): bigint | null {
  if (raw === undefined) return null;
  // Other issuers may write "15000.00"; rupiah QRIS has no minor unit, so only zero decimals
  // are accepted rather than silently dropping a fraction.
  const match = /^(\d{1,13})(?:\.0{1,2})?$/.exec(raw);
  if (!match?.[1] || raw.length > MAX_AMOUNT_LENGTH) throw new Error(`QRIS: invalid amount "${raw}"`);
  return BigInt(match[1]);
}

export function parseQrisPayload(payload: string): ParsedQris {
  const entries = parseTlv(payload);
  if (entries[0]?.id !== "00") throw new Error("QRIS: payload must start with the payload format indicator (tag 00)");
  const last = entries[entries.length - 1];
  // The CRC must close the payload: its checksum covers everything before it.
  if (last?.id !== "63" || last.value.length !== 4 || !payload.endsWith(CRC_HEADER + last.value)) {
    throw new Error("QRIS: payload must end with a 4-character CRC (tag 63)");
  }
  const fields = toRecord(entries, "payload");

  const merchantName = fields["59"];
  const merchantCity = fields["60"];
  if (merchantName === undefined) throw new Error("QRIS: merchant name (tag 59) is missing");
  if (merchantCity === undefined) throw new Error("QRIS: merchant city (tag 60) is missing");

  const merchantAccount = fields["26"] === undefined ? {} : toRecord(parseTlv(fields["26"]), "template 26");
  const additionalData = fields["62"] === undefined ? {} : toRecord(parseTlv(fields["62"]), "template 62");

  const crc = last.value;
  const expected = crc16CcittFalse(payload.slice(0, payload.length - crc.length));
  return {
    fields,
    merchantAccount,
    additionalData,
    amount: parseAmount(fields["54"]),
    pointOfInitiation: fields["01"] ?? "",
    merchantName,
    merchantCity,
    reference: additionalData["05"] ?? null,
    crc,
    // Hex case carries no meaning, and some generators emit lower case.
    crcValid: crc.toUpperCase() === expected,
  };
}

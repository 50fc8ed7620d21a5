import { describe, expect, it } from "vitest";
import { buildQrisPayload, crc16CcittFalse, parseQrisPayload, parseTlv, tlv, type QrisFields } from "./emvco";

// Deliberately the plain bit-by-bit textbook form, independent of the table-driven one under test.
function referenceCrc(input: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(input, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

// Body of a real-world style static QRIS (DANA account in 26, national QRIS id in 51), up to and
// including "6304". The CRC published alongside this sample (4D7A) does not verify, so only the
// body is used and its CRC is computed independently.
const STATIC_BODY =
  "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI" +
  "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204481453033605802ID" +
  "5907Warung 6008Denpasar61058011162070703A016304";

const base: QrisFields = {
  merchantAccount: {
    globallyUniqueId: "ID.CO.QRIS.WWW",
    merchantPan: "936008980000012345",
    merchantId: "000123456789",
    merchantCriteria: "UMI",
  },
  merchantCategoryCode: "5411",
  amount: 150_000n,
  merchantName: "Toko Sumber Rejeki",
  merchantCity: "Jakarta",
  postalCode: "10110",
  reference: "DEP-20240601-0001",
  terminalLabel: "POS01",
};

function withAmount(amount: bigint): QrisFields {
  return { ...base, amount };
}

describe("crc16CcittFalse", () => {
  it.each([
    ["123456789", "29B1"],
    ["", "FFFF"],
    ["A", "B915"],
  ])("CRC of %j is %s", (input, expected) => {
    expect(crc16CcittFalse(input)).toBe(expected);
  });

  it("agrees with an independent bitwise implementation on a real-world style QRIS string", () => {
    expect(referenceCrc(STATIC_BODY)).toBe("FB40");
    expect(crc16CcittFalse(STATIC_BODY)).toBe(referenceCrc(STATIC_BODY));
  });

  it("agrees with the bitwise implementation on non-ASCII input and zero-pads", () => {
    for (const s of ["Café Ñandú", "Warung 🍜", "x".repeat(500)]) {
      expect(crc16CcittFalse(s)).toBe(referenceCrc(s));
    }
    // Find an input whose CRC has a leading zero nibble so padding is actually exercised.
    let padded: string | undefined;
    for (let i = 0; padded === undefined && i < 100_000; i++) {
      if (referenceCrc(String(i)).startsWith("0")) padded = String(i);
    }
    expect(padded).toBeDefined();
    const crc = crc16CcittFalse(padded ?? "");
    expect(crc).toMatch(/^0[0-9A-F]{3}$/);
    expect(crc).toBe(referenceCrc(padded ?? ""));
  });
});

describe("tlv / parseTlv", () => {
  it("encodes id, two-digit length and value", () => {
    expect(tlv("59", "Warung")).toBe("5906Warung");
    expect(tlv("62", "")).toBe("6200");
    expect(tlv("26", "x".repeat(99))).toBe("2699" + "x".repeat(99));
  });

  it("refuses values over 99 characters and malformed ids", () => {
    expect(() => tlv("26", "x".repeat(100))).toThrow(/maximum is 99/);
    expect(() => tlv("5", "a")).toThrow(/two digits/);
    expect(() => tlv("5A", "a")).toThrow(/two digits/);
    expect(() => tlv("123", "a")).toThrow(/two digits/);
  });

  it("splits a sequence and rejects ones that do not tile exactly", () => {
    expect(parseTlv("0002015802ID")).toEqual([
      { id: "00", value: "01" },
      { id: "58", value: "ID" },
    ]);
    expect(parseTlv("")).toEqual([]);
    expect(() => parseTlv("0002015802I")).toThrow(/truncated/);
    expect(() => parseTlv("00020158")).toThrow(/truncated record header/);
    expect(() => parseTlv("00xx01")).toThrow(/invalid length/);
    expect(() => parseTlv("A00201")).toThrow(/invalid tag id/);
  });
});

describe("buildQrisPayload / parseQrisPayload", () => {
  it("emits the tags in spec order, ending with a valid CRC", () => {
    const payload = buildQrisPayload(base);
    expect(parseTlv(payload).map((e) => e.id)).toEqual([
      "00", "01", "26", "52", "53", "54", "58", "59", "60", "61", "62", "63",
    ]);
    expect(payload.startsWith("000201010212")).toBe(true);
    expect(payload).toContain("5406150000");
    const body = payload.slice(0, -4);
    expect(body.endsWith("6304")).toBe(true);
    expect(payload.slice(-4)).toBe(referenceCrc(body));
  });

  it("round-trips every field", () => {
    const parsed = parseQrisPayload(buildQrisPayload(base));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.pointOfInitiation).toBe("12");
    expect(parsed.fields["00"]).toBe("01");
    expect(parsed.fields["01"]).toBe("12");
    expect(parsed.fields["52"]).toBe("5411");
    expect(parsed.fields["53"]).toBe("360");
    expect(parsed.fields["58"]).toBe("ID");
    expect(parsed.fields["61"]).toBe("10110");
    expect(parsed.amount).toBe(150_000n);
    expect(typeof parsed.amount).toBe("bigint");
    expect(parsed.merchantName).toBe("Toko Sumber Rejeki");
    expect(parsed.merchantCity).toBe("Jakarta");
    expect(parsed.reference).toBe("DEP-20240601-0001");
    expect(parsed.merchantAccount).toEqual({
      "00": "ID.CO.QRIS.WWW",
      "01": "936008980000012345",
      "02": "000123456789",
      "03": "UMI",
    });
    expect(parsed.additionalData).toEqual({ "05": "DEP-20240601-0001", "07": "POS01" });
  });

  it("omits optional postal code and terminal label when not given", () => {
    const { postalCode: _p, terminalLabel: _t, ...rest } = base;
    const parsed = parseQrisPayload(buildQrisPayload({ ...rest, amount: 1n }));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.fields["61"]).toBeUndefined();
    expect(parsed.additionalData).toEqual({ "05": "DEP-20240601-0001" });
    expect(parsed.amount).toBe(1n);
  });

  it("keeps the largest 13-digit amount exact (beyond float precision)", () => {
    const amount = 9_999_999_999_999n;
    expect(parseQrisPayload(buildQrisPayload(withAmount(amount))).amount).toBe(amount);
  });

  it("refuses zero, negative and over-long amounts", () => {
    expect(() => buildQrisPayload(withAmount(0n))).toThrow(/greater than zero/);
    expect(() => buildQrisPayload(withAmount(-5n))).toThrow(/greater than zero/);
    expect(() => buildQrisPayload(withAmount(10_000_000_000_000n))).toThrow(/14 digits/);
  });

  it("truncates merchant name to 25 and city to 15 characters", () => {
    const parsed = parseQrisPayload(
      buildQrisPayload({
        ...base,
        merchantName: "Toko Kelontong Sumber Rejeki Abadi Jaya",
        merchantCity: "Kota Administrasi Jakarta Selatan",
      }),
    );
    expect(parsed.crcValid).toBe(true);
    expect(parsed.merchantName).toBe("Toko Kelontong Sumber Rej");
    expect(parsed.merchantCity).toBe("Kota Administra");
  });

  it("truncates by character without splitting non-ASCII text", () => {
    const parsed = parseQrisPayload(buildQrisPayload({ ...base, merchantName: "🍜".repeat(30) }));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.merchantName).toBe("🍜".repeat(25));
  });

  it("refuses a bad category code, empty reference and over-long reference", () => {
    expect(() => buildQrisPayload({ ...base, merchantCategoryCode: "541" })).toThrow(/category code/);
    expect(() => buildQrisPayload({ ...base, reference: "" })).toThrow(/reference is required/);
    expect(() => buildQrisPayload({ ...base, reference: "R".repeat(26) })).toThrow(/at most 25/);
  });

  it("flags a payload whose amount was tampered with", () => {
    const payload = buildQrisPayload(base);
    const tampered = payload.replace("5406150000", "5406950000");
    expect(tampered).not.toBe(payload);
    const parsed = parseQrisPayload(tampered);
    expect(parsed.amount).toBe(950_000n);
    expect(parsed.crcValid).toBe(false);
  });

  it("flags a payload whose CRC was altered", () => {
    const payload = buildQrisPayload(base);
    const last = payload.at(-1) === "0" ? "1" : "0";
    expect(parseQrisPayload(payload.slice(0, -1) + last).crcValid).toBe(false);
  });

  it("throws on truncated or malformed payloads", () => {
    const payload = buildQrisPayload(base);
    expect(() => parseQrisPayload(payload.slice(0, -2))).toThrow(/truncated/);
    expect(() => parseQrisPayload(payload.slice(0, 40))).toThrow(/QRIS/);
    expect(() => parseQrisPayload(payload.slice(0, -8))).toThrow(/QRIS/);
    expect(() => parseQrisPayload("")).toThrow(/QRIS/);
    // Structurally complete but without a CRC record at the end.
    expect(() => parseQrisPayload(payload.slice(0, payload.indexOf("6304")))).toThrow(/CRC/);
  });

  it("throws when a nested template is malformed", () => {
    let body = tlv("00", "01") + tlv("01", "12") + tlv("26", "0005ID") + tlv("59", "A") + tlv("60", "B") + "6304";
    body += crc16CcittFalse(body);
    expect(() => parseQrisPayload(body)).toThrow(/truncated/);
  });

  it("parses a real-world style static payload with an independently computed CRC", () => {
    const parsed = parseQrisPayload(STATIC_BODY + referenceCrc(STATIC_BODY));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.pointOfInitiation).toBe("11");
    expect(parsed.amount).toBeNull();
    expect(parsed.merchantName).toBe("Warung ");
    expect(parsed.merchantCity).toBe("Denpasar");
    expect(parsed.merchantAccount).toEqual({
      "00": "ID.DANA.WWW",
      "01": "936009153022591481",
      "02": "022591481",
      "03": "UMI",
    });
    expect(parsed.fields["51"]).toBe("0014ID.CO.QRIS.WWW0215ID10200176114730303UMI");
    expect(parsed.additionalData).toEqual({ "07": "A01" });
    expect(parsed.reference).toBeNull();
    // The CRC published with this sample is wrong, and the parser says so.
    expect(parseQrisPayload(STATIC_BODY + "4D7A").crcValid).toBe(false);
  });
});

// The price-list refresh and the sellability rule with the default sandbox supplier (IAK itself
// is exercised against its fake in tests/iak-supplier.test.ts).
import { describe, expect, it } from "vitest";
import { createPrepaidMerchant } from "../../tests/helpers/fixtures";
import { db } from "../db";
import { prepaidSupplier } from "../providers";
import { findProducts } from "./list-products";
import { operatorCodeOf, refreshPrepaidPricelist } from "./refresh-prepaid-pricelist";
import { isSellable, sellability } from "./sellable";

describe("prepaid price list refresh with the sandbox supplier", () => {
  it("is a no-op that says so", async () => {
    await createPrepaidMerchant();
    expect(prepaidSupplier().name).toBe("sandbox");
    const before = await db.prepaidProduct.findMany({ orderBy: { code: "asc" } });
    expect(await refreshPrepaidPricelist({ actor: { type: "SYSTEM" } })).toEqual({ supported: false, supplier: "sandbox" });
    expect(await db.prepaidProduct.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "prepaid.pricelist_refresh" } })).toBe(0);
    // Nothing recorded from a supplier: every product the admin left on is sellable, as before.
    expect((await findProducts({ sellable: true })).length).toBe(before.filter((p) => p.active).length);
  });

  it("sells only what is on, active at the supplier and not below the supplier's price", () => {
    const base = { active: true, supplierActive: true, supplierPrice: null, price: 10_000n };
    expect(sellability(base)).toBe("sellable");
    expect(sellability({ ...base, supplierPrice: 10_000n })).toBe("sellable");
    expect(sellability({ ...base, active: false })).toBe("switched_off");
    expect(sellability({ ...base, supplierActive: false })).toBe("supplier_inactive");
    expect(sellability({ ...base, supplierPrice: 10_001n })).toBe("below_cost");
    expect(isSellable({ ...base, supplierPrice: 9_500n })).toBe(true);
  });

  it("maps supplier operator names onto Saldo's operator codes", () => {
    expect(["Telkomsel", "Telkomsel Paket Internet", "XL", "XL Paket Internet", "Indosat", "Tri", "Three", "PLN", "Mobile Legend", "Free Fire", "AXIS"].map(operatorCodeOf)).toEqual([
      "telkomsel", "telkomsel", "xl", "xl", "indosat", "tri", "tri", "pln", "mobilelegends", "freefire", "axis",
    ]);
    expect(operatorCodeOf("by.U")).toBe("byu");
  });
});

// Refreshes the catalogue from the supplier's price list (IAK: POST /api/pricelist, all products,
// active and not). Per product code:
// - a product Saldo already sells keeps everything Saldo owns — sell `price`, the admin's `active`
//   switch, name, type, operator — and records what the supplier says: `supplierPrice`,
//   `supplierActive`, `supplierCheckedAt`;
// - a product Saldo does not know yet is added (if its type is one Saldo sells) with the sell price
//   = supplier price + PREPAID_DEFAULT_MARGIN (default 0: sold at cost until an admin sets a price);
// - a product the supplier no longer lists counts as inactive at the supplier.
// A product is sellable only while it is on, active at the supplier and not priced below the
// supplier's price (./sellable.ts): the refresh reports those below cost so an admin can raise
// the price; until then they are refused with rc 106 rather than sold at a loss.
// With a supplier that has no price list (the sandbox) nothing changes and the answer says so.
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { prepaidEnv } from "../env";
import { AppError } from "../errors";
import { prepaidSupplier } from "../providers";
import type { SupplierProduct } from "../providers/types";
import { OPERATORS, isProductType, type ProductType } from "./catalogue";

export type BelowCost = { code: string; price: bigint; supplierPrice: bigint };

export type PricelistRefresh =
  | { supported: false; supplier: string }
  | {
      supported: true;
      supplier: string;
      checkedAt: Date;
      /** Items in the supplier's list. */
      listed: number;
      /** Codes added to the catalogue. */
      created: string[];
      /** Products already in the catalogue whose supplier price and status were recorded. */
      updated: number;
      /** Catalogue products the supplier does not list (now inactive at the supplier). */
      unlisted: string[];
      /** Listed products the supplier marks inactive. */
      supplierInactive: number;
      /** Products on sale whose supplier price is above Saldo's sell price: refused until repriced. */
      belowCost: BelowCost[];
      /** Supplier items of a type Saldo does not sell, not added. */
      skipped: number;
    };

const BATCH = 100;

const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Supplier operator names → Saldo's operator codes (IAK writes e.g. "Telkomsel", "XL Paket Internet", "Mobile Legend"). */
const OPERATOR_ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OPERATORS).flatMap(([code, o]) => [[code, code], [slug(o.name), code]])),
  indosat: "indosat",
  im3: "indosat",
  xl: "xl",
  three: "tri",
  "3": "tri",
  mobilelegend: "mobilelegends",
  garenafreefire: "freefire",
  pubgmobile: "pubgm",
  genshinimpact: "genshin",
  googleplayvoucher: "googleplay",
  mandiriemoney: "mandiri",
  emoney: "mandiri",
  tapcash: "bni",
  bnitapcash: "bni",
  brizzi: "bri",
  bribrizzi: "bri",
};

export function operatorCodeOf(supplierName: string): string {
  const bare = slug(supplierName.toLowerCase().replace(/paket\s*(internet|data)|\b(internet|data|pulsa|voucher|token|diamonds?)\b/g, ""));
  return OPERATOR_ALIASES[bare] ?? OPERATOR_ALIASES[slug(supplierName)] ?? (bare || "other");
}

function nominalOf(text: string): bigint {
  const digits = /^\d{1,13}$/.test(text) ? text : /(\d{1,13})/.exec(text)?.[1];
  return digits ? BigInt(digits) : 0n;
}

function nameOf(p: SupplierProduct): string {
  const nominal = /^\d{1,13}$/.test(p.nominal) ? Number(p.nominal).toLocaleString("id-ID") : p.nominal;
  const base = `${p.operatorName} ${nominal}`.trim() || p.code;
  const details = p.details && p.details !== "-" && slug(p.details) !== slug(base) ? ` — ${p.details}` : "";
  return `${base}${details}`.slice(0, 120);
}

export async function refreshPrepaidPricelist(input: { actor: Actor; now?: Date }): Promise<PricelistRefresh> {
  const supplier = prepaidSupplier();
  const items = await supplier.pricelist();
  if (items === null) return { supported: false, supplier: supplier.name };
  // An empty answer is more likely a glitch than a supplier that sells nothing: switching the
  // whole catalogue off on it would be a guess.
  if (items.length === 0) throw new AppError("INVALID_STATE", "Daftar harga pemasok kosong; tidak ada yang diubah / The supplier's price list is empty; nothing was changed");

  const checkedAt = input.now ?? new Date();
  const margin = BigInt(prepaidEnv.PREPAID_DEFAULT_MARGIN);
  const byCode = new Map(items.map((p) => [p.code, p]));
  const listed = [...byCode.values()];
  const created: string[] = [];
  let updated = 0;
  let skipped = 0;

  for (let i = 0; i < listed.length; i += BATCH) {
    const batch = listed.slice(i, i + BATCH);
    // Counted from the committed attempt only (a retried transaction runs its body again).
    const counts = await transaction(async (tx) => {
      const done = { created: [] as string[], updated: 0, skipped: 0 };
      const known = new Set((await tx.prepaidProduct.findMany({ where: { code: { in: batch.map((p) => p.code) } }, select: { code: true } })).map((p) => p.code));
      for (const p of batch) {
        const supplierFields = { supplierPrice: p.price, supplierActive: p.active, supplierCheckedAt: checkedAt };
        if (known.has(p.code)) {
          await tx.prepaidProduct.update({ where: { code: p.code }, data: supplierFields });
          done.updated++;
        } else if (!isProductType(p.type)) {
          done.skipped++;
        } else {
          await tx.prepaidProduct.upsert({
            where: { code: p.code },
            create: {
              code: p.code,
              type: p.type satisfies ProductType,
              operator: operatorCodeOf(p.operatorName),
              name: nameOf(p),
              nominal: nominalOf(p.nominal),
              price: p.price + margin,
              active: true,
              ...supplierFields,
            },
            update: supplierFields,
          });
          done.created.push(p.code);
        }
      }
      return done;
    });
    created.push(...counts.created);
    updated += counts.updated;
    skipped += counts.skipped;
  }

  // Products the supplier no longer lists: inactive there.
  const catalogue = await db.prepaidProduct.findMany({ select: { code: true, price: true, active: true, supplierPrice: true } });
  const unlisted = catalogue.filter((p) => !byCode.has(p.code)).map((p) => p.code);
  for (let i = 0; i < unlisted.length; i += BATCH) {
    const codes = unlisted.slice(i, i + BATCH);
    await transaction((tx) => tx.prepaidProduct.updateMany({ where: { code: { in: codes } }, data: { supplierActive: false, supplierCheckedAt: checkedAt } }));
  }
  const belowCost: BelowCost[] = catalogue
    .filter((p) => p.active && byCode.get(p.code)?.active === true && p.supplierPrice !== null && p.supplierPrice > p.price)
    .map((p) => ({ code: p.code, price: p.price, supplierPrice: p.supplierPrice! }));
  const supplierInactive = listed.filter((p) => !p.active).length;

  if (belowCost.length) {
    console.warn(`[prepaid] price list: ${belowCost.length} product(s) cost more at ${supplier.name} than Saldo sells them for, refused until repriced: ${belowCost.map((b) => b.code).join(", ")}`);
  }
  await transaction((tx) =>
    recordAudit(tx, {
      actor: input.actor,
      action: "prepaid.pricelist_refresh",
      targetType: "prepaid_catalogue",
      targetId: supplier.name,
      metadata: { listed: listed.length, created: created.length, updated, unlisted: unlisted.length, supplierInactive, skipped, belowCost: belowCost.slice(0, 50) },
    }),
  );
  return { supported: true, supplier: supplier.name, checkedAt, listed: listed.length, created, updated, unlisted, supplierInactive, belowCost, skipped };
}

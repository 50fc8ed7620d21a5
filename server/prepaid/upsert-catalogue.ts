// Loads the starting catalogue (prisma/seed.ts, tests): creates missing products and leaves
// existing ones as they are, so an admin's price changes survive a re-seed.
import { transaction } from "../db";
import { SEED_PRODUCTS, type SeedProduct } from "./seed-catalogue";

export async function upsertCatalogue(products: SeedProduct[] = SEED_PRODUCTS): Promise<number> {
  return transaction(async (tx) => {
    for (const p of products) {
      await tx.prepaidProduct.upsert({ where: { code: p.code }, create: { ...p }, update: {} });
    }
    return products.length;
  });
}

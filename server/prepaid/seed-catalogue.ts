// The starting catalogue (prisma/seed.ts upserts it; tests use it too): IAK-style product
// codes with realistic nominals and prices in whole rupiah. Admins change prices afterwards.
import type { OperatorCode, ProductType } from "./catalogue";

export type SeedProduct = { code: string; type: ProductType; operator: OperatorCode; name: string; nominal: bigint; price: bigint };

const pulsa = (operator: OperatorCode, prefix: string, label: string, rows: [number, number][]): SeedProduct[] =>
  rows.map(([nominal, price]) => ({
    code: `${prefix}${nominal}`,
    type: "pulsa",
    operator,
    name: `${label} ${nominal.toLocaleString("id-ID")}`,
    nominal: BigInt(nominal),
    price: BigInt(price),
  }));

const item = (code: string, type: ProductType, operator: OperatorCode, name: string, nominal: number, price: number): SeedProduct => ({
  code,
  type,
  operator,
  name,
  nominal: BigInt(nominal),
  price: BigInt(price),
});

export const SEED_PRODUCTS: SeedProduct[] = [
  ...pulsa("telkomsel", "htelkomsel", "Telkomsel", [
    [5000, 5_850],
    [10000, 10_800],
    [20000, 20_650],
    [25000, 25_300],
    [50000, 49_900],
    [100000, 98_500],
  ]),
  ...pulsa("indosat", "hindosat", "Indosat", [
    [5000, 6_100],
    [10000, 11_000],
    [25000, 25_150],
    [50000, 49_600],
    [100000, 97_900],
  ]),
  ...pulsa("xl", "xld", "XL", [
    [5000, 6_000],
    [10000, 10_900],
    [25000, 25_000],
    [50000, 49_750],
    [100000, 98_650],
  ]),
  ...pulsa("axis", "haxis", "AXIS", [
    [5000, 5_950],
    [10000, 10_850],
    [25000, 24_950],
    [50000, 49_700],
  ]),
  ...pulsa("tri", "hthree", "Tri", [
    [5000, 5_700],
    [10000, 10_400],
    [25000, 24_800],
    [50000, 49_200],
  ]),
  ...pulsa("smartfren", "hsmart", "Smartfren", [
    [5000, 5_300],
    [10000, 10_200],
    [25000, 24_700],
    [50000, 49_300],
  ]),
  item("tseldata5gb", "data", "telkomsel", "Telkomsel Data 5 GB / 30 hari", 55_000, 54_200),
  item("tseldata12gb", "data", "telkomsel", "Telkomsel Data 12 GB / 30 hari", 100_000, 97_800),
  item("isatdata10gb", "data", "indosat", "Indosat Freedom Internet 10 GB / 30 hari", 60_000, 58_400),
  item("xldata6gb", "data", "xl", "XL Xtra Combo 6 GB / 30 hari", 50_000, 48_900),
  item("axisdata5gb", "data", "axis", "AXIS Bronet 5 GB / 30 hari", 40_000, 38_750),
  item("threedata8gb", "data", "tri", "Tri Happy 8 GB / 30 hari", 45_000, 43_600),
  item("smartdata10gb", "data", "smartfren", "Smartfren Unlimited Nonstop 10 GB", 50_000, 47_900),
  item("pln20000", "pln", "pln", "Token PLN 20.000", 20_000, 20_500),
  item("pln50000", "pln", "pln", "Token PLN 50.000", 50_000, 50_500),
  item("pln100000", "pln", "pln", "Token PLN 100.000", 100_000, 100_500),
  item("pln200000", "pln", "pln", "Token PLN 200.000", 200_000, 200_500),
  item("pln500000", "pln", "pln", "Token PLN 500.000", 500_000, 500_500),
  item("pln1000000", "pln", "pln", "Token PLN 1.000.000", 1_000_000, 1_000_500),
  item("mobilelegend86", "games", "mobilelegends", "Mobile Legends 86 Diamonds", 86, 22_900),
  item("mobilelegend172", "games", "mobilelegends", "Mobile Legends 172 Diamonds", 172, 45_500),
  item("freefire70", "games", "freefire", "Free Fire 70 Diamonds", 70, 9_700),
  item("freefire140", "games", "freefire", "Free Fire 140 Diamonds", 140, 19_200),
  item("pubgm60", "games", "pubgm", "PUBG Mobile 60 UC", 60, 14_800),
  item("genshin60", "games", "genshin", "Genshin Impact 60 Genesis Crystals", 60, 15_900),
  item("googleplay20000", "games", "googleplay", "Voucher Google Play 20.000", 20_000, 20_900),
  item("mandirietoll50000", "etoll", "mandiri", "Mandiri e-Money 50.000", 50_000, 51_500),
  item("bnitapcash50000", "etoll", "bni", "BNI TapCash 50.000", 50_000, 51_500),
  item("brizzi50000", "etoll", "bri", "BRI Brizzi 50.000", 50_000, 51_500),
];

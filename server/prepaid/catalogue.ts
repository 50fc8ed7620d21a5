// The catalogue's vocabulary: product types and operators. Pure data, shared with the portal's
// buy form (no database here).

export const PRODUCT_TYPES = ["pulsa", "data", "pln", "games", "etoll"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export function isProductType(value: string): value is ProductType {
  return (PRODUCT_TYPES as readonly string[]).includes(value);
}

/** Operators by code, with the name IAK shows as `product_description`. */
export const OPERATORS = {
  telkomsel: { name: "Telkomsel", types: ["pulsa", "data"] },
  indosat: { name: "Indosat Ooredoo", types: ["pulsa", "data"] },
  xl: { name: "XL Axiata", types: ["pulsa", "data"] },
  axis: { name: "AXIS", types: ["pulsa", "data"] },
  tri: { name: "Tri", types: ["pulsa", "data"] },
  smartfren: { name: "Smartfren", types: ["pulsa", "data"] },
  pln: { name: "PLN", types: ["pln"] },
  mobilelegends: { name: "Mobile Legends", types: ["games"] },
  freefire: { name: "Free Fire", types: ["games"] },
  pubgm: { name: "PUBG Mobile", types: ["games"] },
  genshin: { name: "Genshin Impact", types: ["games"] },
  googleplay: { name: "Google Play", types: ["games"] },
  mandiri: { name: "Mandiri e-Money", types: ["etoll"] },
  bni: { name: "BNI TapCash", types: ["etoll"] },
  bri: { name: "BRI Brizzi", types: ["etoll"] },
} as const satisfies Record<string, { name: string; types: readonly ProductType[] }>;
export type OperatorCode = keyof typeof OPERATORS;

export function operatorName(code: string): string {
  return code in OPERATORS ? OPERATORS[code as OperatorCode].name : code;
}

/** Operators that sell products of `type`, in catalogue order. */
export function operatorsOf(type: ProductType): OperatorCode[] {
  return (Object.keys(OPERATORS) as OperatorCode[]).filter((code) => (OPERATORS[code].types as readonly string[]).includes(type));
}

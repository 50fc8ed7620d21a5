// The sandbox prepaid supplier: settles every order after PREPAID_SANDBOX_DELAY_MS. It succeeds
// with a serial number (a 20-digit token for PLN), except for customer ids ending in `9999`,
// which fail — so a failed purchase can be tried by hand and in tests. Deterministic: the same
// order always gets the same serial number, and the same meter the same holder.
import { createHash } from "node:crypto";
import { prepaidEnv } from "../../env";
import type { PlnCustomer, PrepaidSupplier, SupplierOrder, SupplierOutcome } from "../types";

export const SANDBOX_FAILING_SUFFIX = "9999";
/** Meters ending in `0000` do not exist: inquiry-pln answers rc 14 for them, and a token bought for one fails. */
export const SANDBOX_UNKNOWN_METER_SUFFIX = "0000";
export const SANDBOX_FAILURE_REASON = "Ditolak operator (sandbox) / Rejected by the operator (sandbox)";
export const SANDBOX_UNKNOWN_METER_REASON = "Nomor meter tidak ditemukan (sandbox) / Meter number not found (sandbox)";

function digitsOf(seed: string, count: number): string {
  let out = "";
  for (let round = 0; out.length < count; round++) {
    const hex = createHash("sha256").update(`${seed}:${round}`).digest("hex");
    for (const ch of hex) {
      out += String(parseInt(ch, 16) % 10);
      if (out.length === count) break;
    }
  }
  return out;
}

/** `1234-5678-9012-3456-7890`: a 20-digit PLN token in groups of 4. */
export function sandboxPlnToken(order: Pick<SupplierOrder, "trId" | "customerId">): string {
  return digitsOf(`pln:${order.trId}:${order.customerId}`, 20).match(/.{4}/g)!.join("-");
}

const NAMES = ["BUDI SANTOSO", "SITI RAHAYU", "AGUS PRASETYO", "DEWI LESTARI", "HENDRA WIJAYA", "RINA MARLINA", "JOKO SUSILO", "NUR HASANAH"];
const TARIFFS: [string, number][] = [
  ["R1", 450],
  ["R1", 900],
  ["R1", 1300],
  ["R1", 2200],
  ["R2", 3500],
  ["R3", 6600],
  ["B1", 1300],
];

/** Deterministic: the same order always gets the same answer, however often it is asked. */
async function sandboxOutcome(order: SupplierOrder): Promise<SupplierOutcome> {
  if (order.customerId.endsWith(SANDBOX_FAILING_SUFFIX)) return { status: "failed", reason: SANDBOX_FAILURE_REASON };
  if (order.productType === "pln") {
    if (order.customerId.endsWith(SANDBOX_UNKNOWN_METER_SUFFIX)) return { status: "failed", reason: SANDBOX_UNKNOWN_METER_REASON };
    return { status: "success", sn: sandboxPlnToken(order) };
  }
  return { status: "success", sn: digitsOf(`sn:${order.trId}:${order.refId}`, 16) };
}

export const sandboxPrepaidSupplier: PrepaidSupplier = {
  name: "sandbox",
  accept(order, now) {
    return { supplierRef: `SBX-${order.trId}`, checkAfter: new Date(now.getTime() + prepaidEnv.PREPAID_SANDBOX_DELAY_MS) };
  },
  result: sandboxOutcome,
  status: sandboxOutcome,
  // The sandbox settles through the worker alone: it sends no callbacks and has no price list.
  verifyCallback: () => ({ ok: false, reason: "unsupported" }),
  pricelist: async () => null,
  async inquiryPln(meterNo): Promise<PlnCustomer | null> {
    if (!/^\d{11,12}$/.test(meterNo) || meterNo.endsWith(SANDBOX_UNKNOWN_METER_SUFFIX)) return null;
    const pick = digitsOf(`meter:${meterNo}`, 12);
    const [tariff, power] = TARIFFS[Number(pick.slice(0, 2)) % TARIFFS.length]!;
    return {
      meterNo,
      subscriberId: `5${pick.slice(1)}`,
      name: NAMES[Number(pick.slice(2, 4)) % NAMES.length]!,
      tariff,
      power,
    };
  },
};

// The merchant restricts its prepaid API to a list of addresses, as an API key can be: a request
// with a right sign from any other address is refused with rc 102 (authenticate.ts). Empty = any.
import ipaddr from "ipaddr.js";
import { recordAudit, type Actor } from "../audit";
import { normaliseIpAllowlist } from "../auth/issue-api-key";
import { transaction } from "../db";

export async function setPrepaidIpAllowlist(input: { merchantId: string; ipAllowlist: string; actor: Actor }) {
  // Each address in the form the server compares (IPv6 compressed, IPv4-mapped IPv6 as IPv4).
  const checked = normaliseIpAllowlist(input.ipAllowlist);
  const canonical = checked ? [...new Set(checked.split(",").map((ip) => (ipaddr.isValid(ip) ? ipaddr.process(ip).toString() : ip)))].join(",") : null;
  return transaction(async (tx) => {
    await tx.merchant.update({ where: { id: input.merchantId }, data: { prepaidIpAllowlist: canonical } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "prepaid.ip_allowlist_set",
      targetType: "merchant",
      targetId: input.merchantId,
      merchantId: input.merchantId,
      metadata: { ipAllowlist: canonical },
    });
    return { ipAllowlist: canonical };
  });
}

// The fee formula, shared by the server (which charges it) and the top-up form (which previews
// it): flat rupiah plus basis points of the amount, rounded up. BigInt only.
export function calculateFee(flat: bigint, bps: bigint, amount: bigint): bigint {
  return flat + (amount * bps + 9_999n) / 10_000n;
}

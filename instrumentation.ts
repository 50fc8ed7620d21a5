// Runs once when a Next.js server starts: a production start that could let money be minted
// (sandbox providers, SQLite, missing or public secrets) stops here, naming every problem.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Every request is stamped with its socket's address, which a caller cannot write (server/http/client-ip.ts).
  const { installPeerAddressHook } = await import("./server/http/peer-address");
  installPeerAddressHook();
  const { refuseUnsafeProductionStart } = await import("./server/production-check");
  refuseUnsafeProductionStart("server");
}

import { AppError } from "../errors";
import { sandboxProvider } from "./sandbox";
import type { DepositProvider } from "./types";

const PROVIDERS: Record<string, DepositProvider> = { sandbox: sandboxProvider };

/** The provider that issues VA and QRIS charges. Only the sandbox exists so far. */
export function chargeProvider(): DepositProvider {
  return sandboxProvider;
}

export function providerByName(name: string): DepositProvider {
  const provider = PROVIDERS[name];
  if (!provider) throw new AppError("NOT_FOUND", `Unknown provider ${name}`);
  return provider;
}

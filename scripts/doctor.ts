// npm run doctor — the effective configuration (secrets masked), which provider serves what,
// whether each configured provider answers an authenticated call, and every reason a production
// start would be refused. Exits 1 when something is wrong.
import { edgeEnv, env, webhookEnv } from "../server/env";
import { productionProblems, requiredSecrets } from "../server/production-check";
import { providerHealthChecks } from "../server/providers";

const mask = (value: string | undefined) => (!value ? "(unset)" : value.length <= 8 ? "****" : `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`);
const maskUrl = (url: string) => url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:****@");

async function main() {
  const secrets = new Set(requiredSecrets(process.env));
  console.log("Saldo doctor\n");
  console.log("Configuration");
  const rows: [string, string][] = [
    ["NODE_ENV", env.NODE_ENV],
    ["DATABASE_URL", maskUrl(env.DATABASE_URL)],
    ["APP_URL", env.APP_URL ?? env.NEXTAUTH_URL ?? "(unset: http://localhost:$PORT)"],
    ["SANDBOX", env.SANDBOX ? "on — no real money moves" : "off"],
    ["ALLOW_SANDBOX_IN_PRODUCTION", env.ALLOW_SANDBOX_IN_PRODUCTION ? "1" : "(unset)"],
    ["WEBHOOK_RETRY_SCHEDULE", webhookEnv.WEBHOOK_RETRY_SCHEDULE.join(",")],
    ["TRUSTED_PROXY_HOPS", edgeEnv.TRUSTED_PROXY_HOPS === 0 ? "0 — the socket address is the client" : `${edgeEnv.TRUSTED_PROXY_HOPS} — X-Forwarded-For, that many proxies deep`],
    ["REDIS_URL", edgeEnv.REDIS_URL ? `${maskUrl(edgeEnv.REDIS_URL)} — rate limits shared by every process` : "(unset) — rate limits counted per process"],
  ];
  for (const name of [...secrets].sort()) rows.push([name, mask(process.env[name])]);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(30)} ${value}`);

  console.log("\nProviders");
  let failed = false;
  for (const check of providerHealthChecks()) {
    let answer: string;
    try {
      answer = `ok — ${await check.run()}`;
    } catch (error) {
      failed = true;
      answer = `FAILED — ${error instanceof Error ? error.message : String(error)}`;
    }
    console.log(`  ${check.role.padEnd(18)} ${check.provider.padEnd(10)} ${answer}`);
  }

  const problems = productionProblems(process.env);
  console.log(env.NODE_ENV === "production" ? "\nProduction start" : "\nProduction start (checked because NODE_ENV=production is how `next start` runs)");
  const asProduction = env.NODE_ENV === "production" ? problems : productionProblems({ ...process.env, NODE_ENV: "production" });
  if (asProduction.length === 0) console.log("  would start");
  for (const problem of asProduction) console.log(`  refused: ${problem}`);
  process.exit(failed || problems.length > 0 ? 1 : 0);
}

void main();

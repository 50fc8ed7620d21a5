// POST /api/prepaid/check-balance — IAK-compatible, JSON or XML (<mp>…</mp>) by Content-Type.
import { checkBalance } from "@/server/prepaid/check-balance";
import { checkBalanceSchema } from "@/server/prepaid/schemas";
import { prepaidRoute } from "@/server/prepaid/wire";

export const POST = prepaidRoute(checkBalanceSchema, checkBalance);

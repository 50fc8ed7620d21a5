// POST /api/prepaid/pricelist — IAK-compatible, JSON or XML (<mp>…</mp>) by Content-Type.
import { pricelist } from "@/server/prepaid/pricelist";
import { pricelistSchema } from "@/server/prepaid/schemas";
import { prepaidRoute } from "@/server/prepaid/wire";

export const POST = prepaidRoute(pricelistSchema, pricelist);

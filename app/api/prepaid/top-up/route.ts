// POST /api/prepaid/top-up — IAK-compatible, JSON or XML (<mp>…</mp>) by Content-Type.
import { topUp } from "@/server/prepaid/top-up";
import { topUpSchema } from "@/server/prepaid/schemas";
import { prepaidRoute } from "@/server/prepaid/wire";

export const POST = prepaidRoute(topUpSchema, topUp);

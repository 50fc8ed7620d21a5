// POST /api/prepaid/check-status — IAK-compatible, JSON or XML (<mp>…</mp>) by Content-Type.
import { checkStatus } from "@/server/prepaid/check-status";
import { checkStatusSchema } from "@/server/prepaid/schemas";
import { prepaidRoute } from "@/server/prepaid/wire";

export const POST = prepaidRoute(checkStatusSchema, checkStatus);

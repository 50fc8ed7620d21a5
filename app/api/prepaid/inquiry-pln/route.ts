// POST /api/prepaid/inquiry-pln — IAK-compatible, JSON or XML (<mp>…</mp>) by Content-Type.
import { inquiryPln } from "@/server/prepaid/inquiry-pln";
import { inquiryPlnSchema } from "@/server/prepaid/schemas";
import { prepaidRoute } from "@/server/prepaid/wire";

export const POST = prepaidRoute(inquiryPlnSchema, inquiryPln);

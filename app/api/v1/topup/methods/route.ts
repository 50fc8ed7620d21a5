import { METHODS } from "@/server/deposits/methods";
import { apiRoute } from "@/server/http/rest";

/** The methods active for this merchant, with fee and limits (seed 000 "Get Metode Top-up"). */
export const GET = apiRoute(async () => ({
  body: METHODS.map((m) => ({
    code: m.code,
    name: m.name,
    fee: { flat: Number(m.flat), percent: Number(m.bps) / 100 },
    min: Number(m.min),
    max: Number(m.max),
    expiry_minutes: m.expiryMinutes,
  })),
}));

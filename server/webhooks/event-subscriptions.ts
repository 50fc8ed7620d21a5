// Which event types an endpoint receives: `*` for all, or a sorted comma-separated list.
// `webhook.test` is always delivered and cannot be subscribed to.
import { AppError } from "../errors";
import { EVENT_TYPES } from "./outbox";

const SUBSCRIBABLE = EVENT_TYPES.filter((t) => t !== "webhook.test");

export function normaliseEventTypes(types: string[] | undefined): string {
  if (!types || types.length === 0 || types.includes("*")) return "*";
  const unknown = types.filter((t) => !(SUBSCRIBABLE as readonly string[]).includes(t));
  if (unknown.length) throw new AppError("VALIDATION", `Jenis event tidak dikenal / Unknown event type: ${unknown.join(", ")}`);
  return [...new Set(types)].sort().join(",");
}

export function subscribes(endpoint: { eventTypes: string }, type: string): boolean {
  return type === "webhook.test" || endpoint.eventTypes === "*" || endpoint.eventTypes.split(",").includes(type);
}

// Who did what to which record. Written inside the same transaction as the change it describes.
import type { Tx } from "./db";

export type Actor =
  | { type: "USER"; id: string; ip?: string }
  | { type: "API_KEY"; id: string }
  | { type: "PROVIDER"; id: string }
  | { type: "WORKER"; id?: string }
  | { type: "SYSTEM"; id?: string };

/** The short form stored on journals: user:<id>, api_key:<id>, provider:<name>, worker, system. */
export function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type.toLowerCase()}:${actor.id}` : actor.type.toLowerCase();
}

export async function recordAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    targetType?: string;
    targetId?: string;
    merchantId?: string;
    metadata?: Record<string, unknown>;
    ip?: string;
  },
) {
  return tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      merchantId: entry.merchantId,
      metadata: entry.metadata ? JSON.stringify(entry.metadata, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) : undefined,
      ip: entry.ip ?? (entry.actor.type === "USER" ? entry.actor.ip : undefined),
    },
  });
}

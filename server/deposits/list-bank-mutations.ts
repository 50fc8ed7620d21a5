// The admin's list of incoming bank credits, newest first, by status (matched, unmatched, assigned).
import { db } from "../db";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";

export async function listBankMutations({ page, pageSize, status }: PageRequest & { status?: string }) {
  const where = status ? { status } : {};
  const [total, items] = await Promise.all([
    db.bankMutation.count({ where }),
    db.bankMutation.findMany({ where, orderBy: { createdAt: "desc" }, skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  return pageResult(items, total, { page, pageSize });
}

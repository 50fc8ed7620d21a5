import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { formatWib } from "@/lib/format";
import { DataTable } from "../../_components/data-table";
import { Card, PageHeader } from "../../_components/ui";
import { titleFrom } from "../../_lib/metadata";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { CreateStaffForm, StaffRoleSelect } from "./staff-actions";

export const generateMetadata = titleFrom("staff");

/** Superadmins only: every admin with their staff role, and a form to add one. */
export default async function StaffPage() {
  const me = await requireAdmin();
  if (!me.staffCan("staff_manage")) notFound();
  const [t, trpc] = await Promise.all([getTranslations("staff"), serverTrpc()]);
  const staff = await trpc.staff.list();
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {/* grid-cols-1: a track of minmax(0, 1fr), so a wide table scrolls in its card instead of widening the page at 390 px. */}
      <div className="grid grid-cols-1 gap-6">
        <DataTable
          title={t("title")}
          rowTestId="staff-row"
          rowKey={(s) => s.id}
          items={staff}
          columns={[
            { id: "name", header: t("name"), cell: (s) => s.name },
            { id: "email", header: t("email"), cell: (s) => s.email },
            { id: "role", header: t("role"), cell: (s) => <StaffRoleSelect key={`${s.id}:${s.staffRole}`} userId={s.id} name={s.name} staffRole={s.staffRole} /> },
            { id: "joined", header: t("joined"), kind: "time", cell: (s) => formatWib(s.createdAt) },
          ]}
          empty={{ title: t("empty") }}
        />
        <Card className="p-5">
          <CreateStaffForm />
        </Card>
        <Card title={t("role")}>
          <ul className="list-disc pl-5 text-sm text-slate-700">
            {(["superadmin", "approver", "support"] as const).map((role) => (
              <li key={role}>
                <span className="font-medium">{t(`roles.${role}`)}</span>: {t(`roleHints.${role}`)}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

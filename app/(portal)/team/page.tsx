import { Check, Minus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { MEMBER_MATRIX, MEMBER_PERMISSIONS, MEMBER_ROLES } from "@/server/auth/permissions";
import { DataTable } from "../../_components/data-table";
import { Badge, Card, PageHeader } from "../../_components/ui";
import { titleFrom } from "../../_lib/metadata";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { InvitationActions, InviteForm, LeaveButton, MemberRoleSelect, RemoveMemberButton } from "./team-actions";

export const generateMetadata = titleFrom("team");

export default async function TeamPage() {
  const me = await requireMerchant();
  const manage = me.can("manage");
  const [t, trpc] = await Promise.all([getTranslations("team"), serverTrpc()]);
  // Pending invitations are the owner's business: others never ask for them.
  const [members, invitations] = await Promise.all([trpc.team.members(), manage ? trpc.team.invitations() : Promise.resolve(null)]);

  return (
    <>
      <PageHeader title={t("title")} subtitle={manage ? t("subtitleOwner") : t("subtitle", { role: t(`roles.${me.memberRole}`) })} actions={<LeaveButton />} />
      {/* grid-cols-1: a track of minmax(0, 1fr), so a wide table scrolls in its card instead of widening the page at 390 px. */}
      <div className="grid grid-cols-1 gap-6">
        <DataTable
          title={t("members.title")}
          rowTestId="member-row"
          rowKey={(m) => m.userId}
          items={members}
          columns={[
            { id: "name", header: t("members.name"), cell: (m) => (m.userId === me.id ? `${m.name} (${t("members.you")})` : m.name) },
            { id: "email", header: t("members.email"), cell: (m) => m.email },
            {
              id: "role",
              header: t("members.role"),
              cell: (m) => (manage ? <MemberRoleSelect key={`${m.userId}:${m.role}`} userId={m.userId} name={m.name} role={m.role} /> : <Badge tone="blue">{t(`roles.${m.role}`)}</Badge>),
            },
            { id: "joined", header: t("members.joined"), kind: "time", cell: (m) => formatWib(m.joinedAt) },
            ...(manage ? [{ id: "actions", header: t("members.actions"), kind: "actions" as const, cell: (m: (typeof members)[number]) => m.userId !== me.id && <RemoveMemberButton userId={m.userId} name={m.name} /> }] : []),
          ]}
          empty={{ title: t("members.empty") }}
        />

        {manage && (
          <Card className="p-5">
            <InviteForm />
          </Card>
        )}

        {invitations && (
          <DataTable
            title={t("invitations.title")}
            rowTestId="invitation-row"
            rowKey={(i) => i.id}
            items={invitations}
            columns={[
              { id: "email", header: t("invitations.email"), cell: (i) => i.email },
              { id: "role", header: t("invitations.role"), cell: (i) => t(`roles.${i.role}`) },
              { id: "expires", header: t("invitations.expires"), kind: "time", cell: (i) => (i.expired ? <Badge tone="grey">{t("invitations.expired")}</Badge> : formatWib(i.expiresAt)) },
              { id: "actions", header: t("invitations.actions"), kind: "actions", cell: (i) => <InvitationActions id={i.id} email={i.email} /> },
            ]}
            empty={{ title: t("invitations.empty") }}
          />
        )}

        <Card title={t("matrix.title")} subtitle={t("matrix.subtitle")}>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("matrix.title")}>
            <table className="w-full text-sm" data-testid="permission-matrix">
              <caption className="sr-only">{t("matrix.title")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="px-3 py-2 font-medium">{t("matrix.permission")}</th>
                  {MEMBER_ROLES.map((role) => (
                    <th key={role} scope="col" className="px-3 py-2 text-center font-medium">{t(`roles.${role}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {MEMBER_PERMISSIONS.map((permission) => (
                  <tr key={permission} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-normal">{t(`permissions.${permission}`)}</th>
                    {MEMBER_ROLES.map((role) => (
                      <td key={role} className="px-3 py-2 text-center">
                        {MEMBER_MATRIX[permission].includes(role) ? (
                          <>
                            <Check aria-hidden className="mx-auto h-4 w-4 text-emerald-700" />
                            <span className="sr-only">{t("matrix.yes")}</span>
                          </>
                        ) : (
                          <>
                            <Minus aria-hidden className="mx-auto h-4 w-4 text-slate-400" />
                            <span className="sr-only">{t("matrix.no")}</span>
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}

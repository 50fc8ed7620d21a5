import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";

/** A merchant page: guests go to the login page, admins to their own area. */
export async function requireMerchant() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  if (session.user.role !== "MERCHANT" || !session.user.merchantId) redirect("/admin");
  return session.user;
}

/** An admin page: guests go to the login page; a merchant gets a 404, never the page. */
export async function requireAdmin() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  if (session.user.role !== "ADMIN") notFound();
  return session.user;
}

/** A page for anyone signed in (merchant or admin), e.g. the Security page. */
export async function requireSignedIn() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  return session.user;
}

import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";

// The front door sends each role to its home.
export default async function Home() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  redirect(session.user.role === "ADMIN" ? "/admin" : "/dashboard");
}

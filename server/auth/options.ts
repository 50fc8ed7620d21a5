// next-auth (v4) with email + password. The session is a signed JWT carrying the user's id;
// role, merchant and status are read again from the database (refresh-session-user.ts, cached
// for SESSION_REFRESH_SECONDS), so a change there reaches a signed-in user within that time.
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { refreshSessionUser } from "./refresh-session-user";
import { verifyLogin, type SessionUser } from "./verify-login";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
      async authorize(credentials, req) {
        try {
          return await verifyLogin(credentials ?? {}, { ip: clientIp(req?.headers) });
        } catch (error) {
          // next-auth passes the message through as `error`; the login form translates it.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionUser; // what authorize() returned
        token.user = { id: u.id, email: u.email, name: u.name, role: u.role, merchantId: u.merchantId, locale: u.locale };
      }
      return token;
    },
    async session({ session, token }) {
      if (token.user) session.user = token.user;
      return session;
    },
  },
};

/**
 * The signed-in user's session for pages and route handlers, with role, merchant and status as
 * the database has them now; null when nobody is signed in, the user is gone, or its merchant is
 * suspended (the portal then sends them to the login page, which says why).
 */
export async function getSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user) return null;
  const check = await refreshSessionUser(session.user);
  return check.ok ? { ...session, user: check.user } : null;
}

// next-auth (v4) with email + password. The session is a signed JWT carrying the user's id and
// the id of its UserSession row; role, merchant, status and whether that session is still open
// are read again from the database (refresh-session-user.ts, cached for SESSION_REFRESH_SECONDS),
// so a change there — or a revoked session — reaches a signed-in user within that time.
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { recordFailedSignIn } from "./record-failed-sign-in";
import { refreshSessionUser } from "./refresh-session-user";
import { endUserSession } from "./revoke-user-sessions";
import { startUserSession } from "./start-user-session";
import { verifyLogin, type SessionUser } from "./verify-login";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    /** The UserSession this sign-in is (the Security page marks it "this device"). */
    sessionId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
    sessionId?: string;
  }
}

const userAgentOf = (headers: unknown): string | undefined => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.["user-agent"];
  return Array.isArray(value) ? value[0] : value;
};

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
      async authorize(credentials, req) {
        const ip = clientIp(req?.headers);
        const userAgent = userAgentOf(req?.headers);
        try {
          const user = await verifyLogin(credentials ?? {}, { ip });
          // Each sign-in is a session row of its own, which the Security page can end.
          const { sessionId } = await startUserSession({ userId: user.id, userAgent, ip });
          return { ...user, sessionId };
        } catch (error) {
          if (isAppError(error) && error.message === "INVALID_CREDENTIALS" && typeof credentials?.email === "string") {
            await recordFailedSignIn({ email: credentials.email, userAgent, ip });
          }
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
        token.sessionId = (user as unknown as { sessionId?: string }).sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      if (token.user) session.user = token.user;
      if (token.sessionId) session.sessionId = token.sessionId;
      return session;
    },
  },
  events: {
    // Signing out ends the session row too, so the cookie cannot be replayed afterwards.
    async signOut({ token }) {
      if (token?.sessionId) await endUserSession({ sessionId: token.sessionId });
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
  // A cookie without a session id was issued before sessions were recorded: nobody can revoke it, so it is refused.
  if (!session?.user || !session.sessionId) return null;
  const check = await refreshSessionUser({ id: session.user.id, sessionId: session.sessionId });
  return check.ok ? { ...session, user: check.user } : null;
}

// next-auth (v4) with email + password. The session is a signed JWT carrying the user's id,
// role and merchant; every server check reads it from there.
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
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
      credentials: { email: { type: "email" }, password: { type: "password" } },
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

export const getSession = () => getServerSession(authOptions);

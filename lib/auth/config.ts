import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateWithPassword } from "@/lib/domain/auth/authenticate";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";
import { clientIp } from "@/lib/web/request-info";
import { LoginRefused } from "./login-refused";
import { authSecret } from "./secret";
import { sessionCookieCodec } from "./session-cookie";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

const SESSION_MAX_AGE_S = 14 * 24 * 60 * 60;
/** A session cookie is issued again (its 14 days counted anew) at most once an hour. */
const SESSION_UPDATE_AGE_S = 60 * 60;
// Module-wide: the lazy configuration below is built again for every request.
const jwtCodec = sessionCookieCodec(SESSION_UPDATE_AGE_S);

/**
 * Auth.js with email + password. Sessions are JWTs in an encrypted, signed cookie (no session table), so any
 * number of web instances can serve a user. The configuration is built lazily, at the first request, so that
 * `next build` needs neither a secret nor a database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
  jwt: jwtCodec,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new LoginRefused("invalid");
        const result = await authenticateWithPassword(getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) throw new LoginRefused(result.code);
        return { id: String(result.personId), sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the person id and the session version go into the cookie; names and permissions are read fresh
      // on each request, and a version the account has moved past ends the session (lib/domain/auth/sessions.ts).
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        // When the person typed their password: single sign-on's auth_time, max_age and prompt=login.
        token.at = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv ?? 0;
      if (typeof token.at === "number") session.authTime = token.at;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      getLogger().error({ err: error }, "auth error");
    },
    warn(code) {
      getLogger().warn({ code }, "auth warning");
    },
    debug() {},
  },
}));

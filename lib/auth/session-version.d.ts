// The session version (lib/domain/auth/sessions.ts) and the login time travel from the login through the JWT to the session.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
    /** When the person logged in (seconds since 1970). */
    authTime?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    at?: number;
  }
}

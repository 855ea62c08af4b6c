import { decode, encode, type JWTOptions } from "next-auth/jwt";

/**
 * Auth.js's JWT codec, except that reading a session does not encrypt a new cookie every time. Auth.js encodes
 * the token again at every read of a JWT session (its updateAge applies to database sessions only), though a
 * server component cannot even send the new cookie. Here the token read from a cookie, handed back unchanged by
 * the jwt callback, is answered with that same cookie while it is younger than `updateAgeS`; after that it is
 * issued again with a new expiry, as before. A token built anew (a sign-in) is always encrypted.
 */
export function sessionCookieCodec(updateAgeS: number): Pick<JWTOptions, "encode" | "decode"> {
  const cookieOf = new WeakMap<object, string>();
  return {
    async decode(params) {
      const payload = await decode(params);
      if (payload && params.token) cookieOf.set(payload, params.token);
      return payload;
    },
    async encode(params) {
      const cookie = params.token ? cookieOf.get(params.token) : undefined;
      const issuedAt = params.token?.iat;
      if (cookie && typeof issuedAt === "number" && Date.now() / 1000 - issuedAt < updateAgeS) return cookie;
      return encode(params);
    },
  };
}

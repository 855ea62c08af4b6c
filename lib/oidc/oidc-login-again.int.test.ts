import { describe, expect, it } from "vitest";
import { providerUnderTest } from "./testing/provider-under-test";

// Logging in again through the provider: prompt=login, prompt=none and max_age, as a relying party sees them.
const t = providerUnderTest();
const { register, authorize, consent, request, login } = t;

describe("logging in again: prompt=login and max_age (OIDC Core §3.1.2.1)", () => {
  /** An authorization request with `extra` parameters, the answer, and how to finish it with the client library. */
  const start = async (client: { clientId: string; secret: string | null }, extra: Record<string, string>) => {
    const { step, finish } = await request(client, { scope: "openid", extra });
    return { step, finish: async (location: string, maxAge?: number) => (await finish(location, { maxAge })).claims };
  };
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

  it("sends a logged-in person to log in again, comes back without asking twice, and signs the real login time as auth_time", async () => {
    const client = await register({ name: "Fresh" });
    await login(t.f.ids.member, client, { scope: "openid" });
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    t.loginAs(t.f.ids.member, tenMinutesAgo);

    // Young enough for max_age: straight back, and the ID token says when the member really logged in.
    const young = await start(client, { max_age: "3600" });
    expect(young.step.status).toBe(302);
    expect((await young.finish(young.step.location!, 3600)).auth_time).toBe(seconds(tenMinutesAgo));

    // prompt=login, or a login older than max_age: the login form first; it returns to the same request without them.
    const asks: Record<string, string>[] = [{ prompt: "login" }, { max_age: "300" }, { prompt: "login consent", max_age: "0" }];
    for (const extra of asks) {
      const old = await start(client, extra);
      expect(old.step.body).toMatchObject({ kind: "login", again: true });
      const back = new URL(old.step.body!.returnTo as string, t.issuer);
      expect(back.searchParams.has("max_age")).toBe(false);
      expect(back.searchParams.get("prompt") ?? "").not.toContain("login");
      expect(back.searchParams.get("client_id")).toBe(client.clientId);
      // Logged in again: the same request goes through, with a fresh auth_time.
      const loggedIn = new Date();
      t.loginAs(t.f.ids.member, loggedIn);
      let again = await authorize(Object.fromEntries(back.searchParams));
      if (again.body?.kind === "consent") again = { status: 302, location: await consent(Object.fromEntries(back.searchParams), "allow", []), body: null };
      expect(again.status, JSON.stringify(again.body)).toBe(302);
      expect((await old.finish(again.location!, 300)).auth_time).toBe(seconds(loggedIn));
      t.loginAs(t.f.ids.member, tenMinutesAgo);
    }

    // A session whose login time is unknown (from before it was kept) is too old for any max_age.
    t.loginAs(t.f.ids.member, null);
    expect((await start(client, { max_age: "86400" })).step.body).toMatchObject({ kind: "login", again: true });
    // Nobody logged in at all: a plain login, nothing to take off the request.
    t.loginAs(null);
    expect((await start(client, { prompt: "login" })).step.body).toMatchObject({ kind: "login", again: false });
  });

  it("answers prompt=none without a page: login_required for a login too old, invalid_request for a bad max_age", async () => {
    const client = await register({ name: "Silent" });
    await login(t.f.ids.member, client, { scope: "openid" });
    t.loginAs(t.f.ids.member, new Date(Date.now() - 600_000));
    const errorOf = (location: string | null) => new URL(location!).searchParams.get("error");
    expect(errorOf((await start(client, { prompt: "none", max_age: "60" })).step.location)).toBe("login_required");
    expect(errorOf((await start(client, { prompt: "none login" })).step.location)).toBe("invalid_request");
    for (const bad of ["-1", "1.5", "soon", ""]) expect(errorOf((await start(client, { max_age: bad })).step.location)).toBe("invalid_request");
    // Fresh enough: prompt=none goes straight through with a code.
    const fine = await start(client, { prompt: "none", max_age: "3600" });
    expect(new URL(fine.step.location!).searchParams.get("code")).toBeTruthy();
  });
});

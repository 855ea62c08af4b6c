import { afterAll, beforeAll } from "vitest";
import { createOidcTestbed, type OidcTestbed } from "./oidc-testbed";
import { relyingParty } from "./relying-party";

type RelyingParty = Awaited<ReturnType<typeof relyingParty>>;

/**
 * The setup the provider's int tests share (oidc-flow, oidc-logout, openid-client): the testbed (a fresh database
 * with the demo data, the provider's HTTP side on a free port) and a relying party of it, made before the file's
 * tests and closed after. Call it at the top of the file; read its fields inside tests. The steps (`register`,
 * `login`, …) may be taken apart at once: they find the relying party when called.
 */
export function providerUnderTest() {
  let made: { testbed: OidcTestbed; rp: RelyingParty } | null = null;
  beforeAll(async () => {
    const testbed = await createOidcTestbed();
    made = { testbed, rp: await relyingParty(testbed) };
  });
  afterAll(() => made?.testbed.close());
  const ready = () => {
    if (!made) throw new Error("The provider is made before the tests: use it inside a test or a hook.");
    return made;
  };
  const rp = () => ready().rp;
  return {
    /** The fixture: the database, the demo people's ids. */
    get f(): OidcTestbed["f"] {
      return ready().testbed.f;
    },
    get issuer(): string {
      return ready().testbed.issuer;
    },
    /** The provider's metadata as the relying party discovered it. */
    get as(): RelyingParty["as"] {
      return rp().as;
    },
    loginAs: (...args: Parameters<OidcTestbed["loginAs"]>) => ready().testbed.loginAs(...args),
    register: (...args: Parameters<RelyingParty["register"]>) => rp().register(...args),
    authorize: (...args: Parameters<RelyingParty["authorize"]>) => rp().authorize(...args),
    consent: (...args: Parameters<RelyingParty["consent"]>) => rp().consent(...args),
    request: (...args: Parameters<RelyingParty["request"]>) => rp().request(...args),
    login: (...args: Parameters<RelyingParty["login"]>) => rp().login(...args),
    userinfoStatus: (...args: Parameters<RelyingParty["userinfoStatus"]>) => rp().userinfoStatus(...args),
    tokenCall: (...args: Parameters<RelyingParty["tokenCall"]>) => rp().tokenCall(...args),
  };
}

/**
 * The part of Mailman 3's REST API (version 3.1) the sync uses: a list's member roster, subscribing and
 * unsubscribing. Basic auth with the REST admin user; the list id is the posting address with "@" read as ".".
 */
export interface MailmanConfig {
  /** e.g. http://localhost:8001/3.1 */
  baseUrl: string;
  user: string;
  password: string;
}

export interface RosterEntry {
  email: string;
  memberId: string;
}

export class MailmanError extends Error {}

/** MAILMAN_REST_URL carries the credentials as userinfo: http://restadmin:secret@localhost:8001/3.1. */
export function mailmanConfigFrom(url: string | undefined): MailmanConfig | null {
  if (!url) return null;
  const u = new URL(url);
  return { baseUrl: `${u.origin}${u.pathname.replace(/\/+$/, "")}`, user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** The client for the configured server, or null when MAILMAN_REST_URL is unset. */
export function mailmanFromEnv(e: { MAILMAN_REST_URL?: string }): MailmanClient | null {
  const config = mailmanConfigFrom(e.MAILMAN_REST_URL);
  return config ? mailmanClient(config) : null;
}

export const mailmanListId = (address: string) => address.trim().toLowerCase().replace("@", ".");

const PAGE = 500;

export function mailmanClient(config: MailmanConfig, fetchImpl: typeof fetch = fetch) {
  const auth = `Basic ${Buffer.from(`${config.user}:${config.password}`).toString("base64")}`;
  async function call(method: string, path: string, body?: URLSearchParams): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${config.baseUrl}${path}`, {
        method,
        body,
        headers: { authorization: auth, accept: "application/json" },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new MailmanError(`Mailman is not reachable at ${config.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 401 || response.status === 403) throw new MailmanError("Mailman refused the REST credentials (check MAILMAN_REST_URL).");
    return response;
  }
  async function failed(response: Response, what: string): Promise<never> {
    const text = (await response.text().catch(() => "")).slice(0, 200);
    throw new MailmanError(`${what}: Mailman answered ${response.status}${text ? ` (${text})` : ""}`);
  }
  return {
    /** Every subscriber (role member) of the list, all pages. */
    async roster(listId: string): Promise<RosterEntry[]> {
      const out: RosterEntry[] = [];
      for (let page = 1; ; page++) {
        const response = await call("GET", `/lists/${encodeURIComponent(listId)}/roster/member?count=${PAGE}&page=${page}`);
        if (response.status === 404) throw new MailmanError(`The list ${listId} does not exist on the Mailman server.`);
        if (!response.ok) await failed(response, `reading the members of ${listId}`);
        const data = (await response.json()) as { total_size?: number; entries?: { email: string; member_id: string | number }[] };
        const entries = data.entries ?? [];
        out.push(...entries.map((e) => ({ email: e.email, memberId: String(e.member_id) })));
        if (!entries.length || out.length >= (data.total_size ?? 0)) return out;
      }
    },
    /** Pre-verified, pre-confirmed and pre-approved: the space vouches for the address. Already subscribed is fine. */
    async subscribe(listId: string, email: string, displayName: string): Promise<void> {
      const body = new URLSearchParams({
        list_id: listId,
        subscriber: email,
        display_name: displayName,
        pre_verified: "true",
        pre_confirmed: "true",
        pre_approved: "true",
      });
      const response = await call("POST", "/members", body);
      if (response.ok || response.status === 409) return;
      await failed(response, `subscribing ${email} to ${listId}`);
    },
    /** Gone already is fine. */
    async unsubscribe(memberId: string, email: string): Promise<void> {
      const response = await call("DELETE", `/members/${encodeURIComponent(memberId)}`);
      if (response.ok || response.status === 404) return;
      await failed(response, `unsubscribing ${email}`);
    },
  };
}

export type MailmanClient = ReturnType<typeof mailmanClient>;

import { ActionForm } from "@/components/forms/action-form";
import type { TokenListRow } from "@/lib/domain/api-tokens/tokens";
import { isScope } from "@/lib/domain/api-tokens/scopes";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";

const th = "px-2 py-1 text-left font-medium";

/** Tokens with their scopes (idle ones marked), expiry, last use and a revoke button while active. */
export function TokenTable({
  t,
  rows,
  when,
  revoke,
}: {
  t: Translate;
  rows: TokenListRow[];
  when: (d: Date) => string;
  revoke: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("api.tokens.none")}</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={th}>{t("api.tokens.col.name")}</th>
          <th className={th}>{t("api.tokens.col.scopes")}</th>
          <th className={th}>{t("api.tokens.col.expires")}</th>
          <th className={th}>{t("api.tokens.col.lastUsed")}</th>
          <th className={th}>
            <span className="sr-only">{t("api.tokens.revoke")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`token-${r.id}`}>
            <td className="px-2 py-1">
              <span className="font-medium">{r.name}</span> <span className="font-mono text-xs text-slate-500">{r.prefix}…</span>
            </td>
            <td className="px-2 py-1">
              <ul>
                {r.scopes.filter(isScope).map((s) => (
                  <li key={s} className={r.idleScopes.includes(s) ? "text-red-800" : undefined}>
                    {r.idleScopes.includes(s) ? t("api.tokens.idle", { scope: s }) : s}
                  </li>
                ))}
              </ul>
            </td>
            <td className="px-2 py-1">
              {when(r.expiresAt)}
              {r.revokedAt ? ` (${t("api.tokens.state.revoked")})` : r.expired ? ` (${t("api.tokens.state.expired")})` : ""}
            </td>
            <td className="px-2 py-1">
              {r.lastUsedAt ? t("api.tokens.usedFrom", { when: when(r.lastUsedAt), ip: r.lastUsedIp ?? "?" }) : t("api.tokens.never")}
            </td>
            <td className="px-2 py-1">
              {!r.revokedAt && !r.expired && (
                <ActionForm action={revoke} label={`${t("api.tokens.revoke")} ${r.name}`} messageAt="bottom">
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" className="rounded border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50">
                    {t("api.tokens.revoke")}
                  </button>
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

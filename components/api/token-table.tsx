import { ActionForm } from "@/components/forms/action-form";
import type { TokenListRow } from "@/lib/domain/api-tokens/tokens";
import { isScope } from "@/lib/domain/api-tokens/scopes";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { ConfirmButton } from "@/components/ui/confirm-button";

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
  if (rows.length === 0) return <EmptyState small>{t("api.tokens.none")}</EmptyState>;
  return (
    <Table label={t("api.tokens.title")}>
      <thead>
        <tr>
          <Th>{t("api.tokens.col.name")}</Th>
          <Th>{t("api.tokens.col.scopes")}</Th>
          <Th>{t("api.tokens.col.expires")}</Th>
          <Th>{t("api.tokens.col.lastUsed")}</Th>
          <Th labelHidden>{t("api.tokens.revoke")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`token-${r.id}`}>
            <Td>
              <span className="font-medium">{r.name}</span> <span className="font-mono text-xs text-slate-500">{r.prefix}…</span>
            </Td>
            <Td>
              <ul>
                {r.scopes.filter(isScope).map((s) => (
                  <li key={s} className={r.idleScopes.includes(s) ? "text-red-800" : undefined}>
                    {r.idleScopes.includes(s) ? t("api.tokens.idle", { scope: s }) : s}
                  </li>
                ))}
              </ul>
            </Td>
            <Td>
              {when(r.expiresAt)}
              {r.revokedAt ? ` (${t("api.tokens.state.revoked")})` : r.expired ? ` (${t("api.tokens.state.expired")})` : ""}
            </Td>
            <Td>{r.lastUsedAt ? t("api.tokens.usedFrom", { when: when(r.lastUsedAt), ip: r.lastUsedIp ?? "?" }) : t("api.tokens.never")}</Td>
            <Td>
              {!r.revokedAt && !r.expired && (
                <ActionForm action={revoke} label={`${t("api.tokens.revoke")} ${r.name}`} messageAt="bottom">
                  <input type="hidden" name="id" value={r.id} />
                  <ConfirmButton size="tiny">{t("api.tokens.revoke")}</ConfirmButton>
                </ActionForm>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

import path from "node:path";
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { BackupNow } from "@/components/system/backup-now";
import { requirePermission } from "@/lib/auth/guards";
import { brokerStatus } from "@/lib/domain/system/system-status";
import { env } from "@/lib/env";
import { listBackups } from "@/lib/ops/backup/retention";
import { recentErrors } from "@/lib/ops/error-log";
import { readServiceStatus, supervisionLine } from "@/lib/ops/service-status";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { appVersion } from "@/lib/ops/app-version";
import { parseBackupProgress } from "@/lib/ops/jobs/backup-job";
import { runNowState } from "@/lib/ops/jobs/run-now";
import { backupNowAction } from "./actions";
import { getDb } from "@/lib/web/db";
import { recentDatabaseSizes } from "@/lib/web/database-sizes";
import { getSpace } from "@/lib/web/space";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { ButtonAnchor } from "@/components/ui/button";

export const dynamic = "force-dynamic";

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d && `${d} d`, (d || h) && `${h} h`, `${m} min`].filter(Boolean).join(" ");
}

export default async function AdminSystemPage() {
  await requirePermission("system.admin");
  const dataDir = path.resolve(env().DATA_DIR);
  const backupDir = path.join(dataDir, "backups");
  const [t, locale, { value: sizes, at: sizesAt }, brokers, space, backupRun] = await Promise.all([
    getT(),
    getLocale(),
    recentDatabaseSizes(),
    brokerStatus(getDb()),
    getSpace(),
    runNowState(getDb(), "backup"),
  ]);
  const backups = listBackups(backupDir).slice(0, 10);
  const errors = recentErrors(dataDir);
  // Under `npm start`: what the launcher's supervisor knows of the broker (restarting with backoff after crashes).
  const supervisedBroker = readServiceStatus(dataDir)?.services.broker;
  const supervision = supervisedBroker && supervisionLine(supervisedBroker);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  const progress = backupRun.running && parseBackupProgress(backupRun.running.detail);
  const running = backupRun.running && {
    text: progress ? t(`system.backupNow.progress.${progress.stage}`, { done: progress.done, total: progress.total }) : t("system.backupNow.progress.starting"),
    done: progress?.done ?? null,
    total: progress?.total ?? null,
  };
  const lastRun = backupRun.last;
  const last = lastRun && {
    failed: lastRun.outcome === "failed",
    text:
      lastRun.outcome === "failed"
        ? t("system.backupNow.lastFailed", { when: when(lastRun.finishedAt ?? lastRun.startedAt), detail: lastRun.detail ?? "" })
        : t("system.backupNow.lastOk", { when: when(lastRun.finishedAt ?? lastRun.startedAt) }),
  };
  return (
    <div className="space-y-6">
      <PageTitle>{t("system.title")}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("system.version")}</dt>
        <dd data-testid="app-version">{appVersion()}</dd>
        <dt className="font-medium">{t("system.uptime")}</dt>
        <dd>{duration(process.uptime())}</dd>
        <dt className="font-medium">{t("system.databaseSize")}</dt>
        <dd>{kib(sizes.totalBytes)}</dd>
      </dl>
      <Card id="moving-in-heading" title={t("fabImport.movingIn")} className="space-y-2">
        <Link href="/admin/import/fabomatic" className={linkClass}>
          {t("fabImport.title")}
        </Link>
      </Card>
      <Card id="backups-heading" title={t("system.backups")} className="space-y-2">
        <p className="text-xs text-slate-600">{t("system.backups.folder", { dir: backupDir })}</p>
        <BackupNow
          action={backupNowAction}
          running={running}
          last={last}
          labels={{ button: t("system.backupNow"), progress: t("system.backupNow.progressLabel") }}
        />
        {backups.length === 0 ? (
          <EmptyState small>{t("system.backups.none")}</EmptyState>
        ) : (
          <>
            <ButtonAnchor href="/admin/system/backup">{t("system.backups.download")}</ButtonAnchor>
            <Table labelledBy="backups-heading">
              <thead>
                <tr>
                  <Th>{t("system.backups.when")}</Th>
                  <Th>{t("system.backups.file")}</Th>
                  <Th>{t("system.size")}</Th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name}>
                    <Td>
                      {when(b.at)} ({t(`system.reason.${b.reason}`)})
                    </Td>
                    <Td className="font-mono text-xs break-all">{b.name}</Td>
                    <Td>{kib(b.bytes)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </Card>
      <Card id="broker-heading" title={t("system.broker")} className="space-y-2">
        {supervision && (
          <div data-testid="broker-supervision" className="text-sm">
            <p className={supervision.key === "restarting" || supervision.key === "stopped" ? "font-medium text-red-800" : undefined}>
              {t(`system.broker.supervision.${supervision.key}`, supervision.values)}
            </p>
            {supervision.lastExit && (
              <p className="text-xs break-all text-slate-600">
                {t("system.broker.supervision.lastExit", { when: when(supervision.lastExit.at), reason: supervision.lastExit.reason })}
              </p>
            )}
          </div>
        )}
        {brokers.length === 0 ? (
          <EmptyState small>{t("system.broker.none")}</EmptyState>
        ) : (
          <Table label={t("system.broker")}>
            <thead>
              <tr>
                {(["instance", "state", "lastSeen", "clients", "perMinute", "spool"] as const).map((k) => (
                  <Th key={k}>{t(`system.broker.${k}`)}</Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {brokers.map((b) => (
                <tr key={b.instanceId}>
                  <Td className="font-mono text-xs">{b.instanceId}</Td>
                  <Td>{b.alive ? t("system.broker.alive") : t("system.broker.stale")}</Td>
                  <Td>{when(b.lastSeenAt)}</Td>
                  <Td>{b.connectedClients}</Td>
                  <Td>{b.messagesPerMinute}</Td>
                  <Td>
                    {b.spoolDepth ?? "–"}
                    {b.spoolUnwritable && <span className="ml-2 font-medium text-red-800">{t("system.broker.spoolUnwritable")}</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card id="database-heading" title={t("system.database")} className="space-y-2">
        <p className="text-xs text-slate-600" data-testid="database-measured-at">
          {t("system.database.measuredAt", { when: when(sizesAt) })}
        </p>
        <Table label={t("system.database")}>
          <thead>
            <tr>
              <Th>{t("system.table")}</Th>
              <Th>{t("system.size")}</Th>
              <Th>{t("system.rows")}</Th>
            </tr>
          </thead>
          <tbody>
            {sizes.tables.map((s) => (
              <tr key={s.name}>
                <Td className="font-mono text-xs">{s.name}</Td>
                <Td>{kib(s.bytes)}</Td>
                <Td>{s.exact ? s.rows : t("system.rows.estimate", { rows: s.rows })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card id="errors-heading" title={t("system.errors")} className="space-y-2">
        {errors.length === 0 ? (
          <EmptyState small>{t("system.errors.none")}</EmptyState>
        ) : (
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all text-xs">{errors.join("\n")}</pre>
        )}
      </Card>
    </div>
  );
}

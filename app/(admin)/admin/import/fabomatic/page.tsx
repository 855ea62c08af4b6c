import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { FormMessage } from "@/components/forms/form-message";
import { FabImportApplyForm } from "@/components/import/fab-import-apply-form";
import { requirePermission } from "@/lib/auth/guards";
import { reportView } from "@/lib/domain/import/fabomatic/describe-report";
import { dryRunFabomaticImport } from "@/lib/domain/import/fabomatic/import-fabomatic";
import { getImportUpload, MAX_UPLOAD_BYTES } from "@/lib/domain/import/uploads";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";
import { applyFabomaticUploadAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export const dynamic = "force-dynamic";

/** Moving in from Fab-O-Matic: upload → dry run → import. */
export default async function FabomaticImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("system.admin");
  const t = await getT();
  const params = await searchParams;
  const uploadId = typeof params.upload === "string" && /^\d{1,9}$/.test(params.upload) ? Number(params.upload) : null;
  const errorKey = typeof params.error === "string" ? `fabImport.error.${params.error}` : null;
  let body: React.ReactNode = null;
  let error = errorKey && isMessageKey(errorKey) ? t(errorKey, { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }) : null;
  if (uploadId !== null) {
    const db = getDb();
    const found = await getImportUpload(db, user.personId, { source: "fabomatic", uploadId });
    if (!found.ok) error = t("fabImport.error.upload_gone");
    else {
      const dry = await dryRunFabomaticImport(db, { bytes: found.upload.bytes, fileName: found.upload.fileName });
      if (!dry.ok) error = t(`fabImport.error.${dry.code}`);
      else
        body = (
          <FabImportApplyForm
            action={applyFabomaticUploadAction.bind(null, uploadId)}
            dryRun={reportView(t, dry.report)}
            labels={{
              apply: t("fabImport.apply"),
              dryRunTitle: t("fabImport.dryRunTitle", { file: found.upload.fileName }),
              resultTitle: t("fabImport.resultTitle", { file: found.upload.fileName }),
              invite: t("inviteAll.afterImport"),
            }}
          />
        );
    }
  }
  return (
    <div className="space-y-4">
      <Link href="/admin/system" className={linkClass}>
        {t("system.title")}
      </Link>
      <PageTitle>{t("fabImport.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("fabImport.intro")}</p>
      <p className="text-sm text-slate-600">{t("fabImport.boardsHint")}</p>
      {error && <FormMessage result={{ ok: false, code: "import", message: error }} />}
      {body}
      <Card id="fabomatic-upload" title={t("fabImport.title")} titleHidden>
        <form method="post" action="/admin/import/fabomatic/upload" encType="multipart/form-data" className="space-y-3">
          <label className="block text-sm font-medium" htmlFor="fabomatic-file">
            {t("fabImport.file")}
          </label>
          <input
            id="fabomatic-file"
            name="file"
            type="file"
            accept=".sqldb,.sqlite,.db,application/vnd.sqlite3,application/x-sqlite3"
            required
            className="block"
          />
          <Button type="submit">{uploadId === null ? t("fabImport.upload") : t("fabImport.again")}</Button>
        </form>
      </Card>
    </div>
  );
}

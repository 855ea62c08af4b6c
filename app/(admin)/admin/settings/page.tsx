import Link from "next/link";
import { LogoForm } from "@/components/settings/logo-form";
import { SettingsForm } from "@/components/settings/settings-form";
import { ActionButton } from "@/components/forms/action-button";
import { requirePermission } from "@/lib/auth/guards";
import { logoSrc, MAX_LOGO_BYTES } from "@/lib/domain/settings/space-logo";
import { loadSpaceSettings, maskSecret } from "@/lib/domain/settings/space-settings";
import { getT } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";
import { logoAction, saveSettingsAction, sendTestMailAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";

export default async function AdminSettingsPage() {
  await requirePermission("system.admin");
  const [t, settings] = await Promise.all([getT(), loadSpaceSettings(getDb())]);
  // The password itself never leaves the server; the form only learns whether one is stored.
  // The wording has its own page; the form gets the offered languages as "en,de".
  const { smtpPassword, updatedAt: _at, logoKey, messageOverrides: _wording, ...shown } = settings;
  const mb = MAX_LOGO_BYTES / 1024 / 1024;
  const initial = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v === null ? "" : String(v)]));
  initial.apiCorsOrigins = settings.apiCorsOrigins.join("\n");
  return (
    <div className="space-y-6">
      <PageTitle>{t("settings.title")}</PageTitle>
      <SettingsForm
        action={saveSettingsAction}
        initial={initial}
        passwordNote={smtpPassword ? t("settings.smtpPassword.stored", { masked: maskSecret(smtpPassword) }) : t("settings.smtpPassword.none")}
        labels={labels(t)}
      />
      <LogoForm
        action={logoAction}
        src={logoSrc(settings)}
        hasUpload={!!logoKey}
        maxBytes={MAX_LOGO_BYTES}
        labels={{
          title: t("settings.logo.title"),
          hint: t("settings.logo.hint", { mb }),
          file: t("settings.logo.file"),
          upload: t("settings.logo.upload"),
          remove: t("settings.logo.remove"),
          removeConfirm: t("settings.logo.removeConfirm"),
          current: t("settings.logo.current"),
          tooLarge: t("settings.logo.error.logo_too_large", { mb }),
        }}
      />
      <Card id="settings-wording" title={t("wording.title")} intro={t("wording.teaser")}>
        <Link href="/admin/settings/wording" className={linkClass}>
          {t("wording.open")}
        </Link>
      </Card>
      <Card id="settings-test-mail" title={t("settings.testMail")} titleHidden intro={t("settings.testMail.hint")}>
        <ActionButton action={sendTestMailAction} label={t("settings.testMail")} />
      </Card>
    </div>
  );
}

function labels(t: Awaited<ReturnType<typeof getT>>) {
  const keys = [
    "section.space",
    "section.mail",
    "section.retention",
    "name",
    "logoUrl",
    "logoUrl.hint",
    "address",
    "latitude",
    "longitude",
    "timeZone",
    "timeZone.hint",
    "publicUrl",
    "publicUrl.hint",
    "yearStartMonth",
    "yearStartDay",
    "contactEmail",
    "boardEmail",
    "website",
    "defaultLanguage",
    "mailFrom",
    "smtpHost",
    "smtpHost.hint",
    "smtpPort",
    "smtpSecure",
    "smtpUser",
    "smtpPassword",
    "clearSmtpPassword",
    "retentionAuditMonths",
    "retentionLoginAttemptsDays",
    "retentionUsageDays",
    "backupKeepDaily",
    "backupKeepWeekly",
    "save",
    "section.access",
    "machinesDashboardPublic",
    "inventoryMembersMayView",
    "languages",
    "languages.hint",
    "section.api",
    "apiCorsOrigins",
    "apiCorsOrigins.hint",
  ] as const;
  const out: Record<string, string> = Object.fromEntries(keys.map((k) => [k, t(`settings.${k}`)]));
  for (const l of LOCALES) out[`lang.${l}`] = t(`lang.${l}`);
  return out;
}

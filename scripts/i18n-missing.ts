// Lists, per language, the English keys its catalog lacks (with the English text), so whoever adds keys to
// <area>-en.ts sees at once what the other languages still need. Exit code 1 if anything is missing.
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALES } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";

const only = process.argv.slice(2);
let missingAny = false;
for (const locale of LOCALES) {
  if (locale === "en" || (only.length > 0 && !only.includes(locale))) continue;
  const missing = Object.keys(en).filter((key) => !(key in CATALOGS[locale]));
  console.log(`${locale}: ${Object.keys(en).length - missing.length}/${Object.keys(en).length} keys${missing.length ? `, ${missing.length} missing:` : ""}`);
  for (const key of missing) console.log(`  ${JSON.stringify(key)}: ${JSON.stringify(en[key as keyof typeof en])},`);
  if (missing.length) missingAny = true;
}
process.exitCode = missingAny ? 1 : 0;

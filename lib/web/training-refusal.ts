import type { MissingPrerequisite } from "@/lib/domain/training/decide-signup";
import type { Failure } from "@/lib/domain/shared/result";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { unexplainedRefusal } from "./action-pipeline";

/** A training refusal as the services give it: some say how many seats are taken or which trainings are missing. */
export type TrainingRefusal = Failure<string, { seatsTaken?: number; missing?: MissingPrerequisite[] }>;

/** defineAction's `refusals` for training and sign-ups: `tr.error.<code>`, naming the seats taken or the missing trainings. */
export function trainingRefusal(r: TrainingRefusal, t: Translate): string {
  const key = `tr.error.${r.code}`;
  if (!isMessageKey(key)) return unexplainedRefusal(r, t);
  const list = (r.missing ?? []).map((m) => t("me.prereq", { level: t(`level.${m.level}`), type: m.typeName })).join(", ");
  return t(key, { count: String(r.seatsTaken ?? ""), list });
}

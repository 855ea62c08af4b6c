import type { Db } from "@/lib/db/client";
import { subjectRefusalBy } from "../access/containment";
import type { Permission } from "../access/permissions";
import { directRoles } from "../access/person-roles";
import { personInViewScope, type ViewScope } from "../access/view-rights";
import { loginStateOf } from "../auth/login-state";
import { listRoles } from "./committee-admin";
import { partnerOf } from "./partner-link";
import { getPersonRecord } from "./person-record";
import { listAddressTypes, listMembershipTypes, listStatuses } from "./reference-service";
import { studyFieldNames } from "./study-fields";

/**
 * What the admin person page (/admin/people/[id]) reads, all at once: every statement prepared (one round trip, so
 * the embedded database's one session never waits on the web process between two messages) and none waiting for
 * another (issue 20). The roles are read only for a viewer who may give them (system.admin). Null: no such person,
 * or one outside the viewer's view rights (the people list's rule; a statement only for a narrowed viewer).
 */
export async function personPage(db: Db, viewer: { personId: number; permissions: ReadonlySet<Permission>; viewScope: ViewScope }, personId: number) {
  const mayGrantRoles = viewer.permissions.has("system.admin");
  const [inScope, record, statuses, types, partner, addressTypes, studyFields, login, roles, held, refusal] = await Promise.all([
    personInViewScope(db, viewer.viewScope, personId),
    getPersonRecord(db, personId),
    listStatuses(db),
    listMembershipTypes(db),
    partnerOf(db, personId),
    listAddressTypes(db),
    studyFieldNames(db),
    loginStateOf(db, personId),
    mayGrantRoles ? listRoles(db) : [],
    mayGrantRoles ? directRoles(db, personId) : [],
    // Someone above the viewer is shown, not offered for change (the domain refuses it anyway).
    subjectRefusalBy(db, viewer, personId),
  ]);
  if (!record || !inScope) return null;
  // A partner outside the viewer's view rights is shown as "#id", with no number and no link (a statement only for a
  // narrowed viewer, and only when there is a partner).
  const partnerShown = partner === null || (await personInViewScope(db, viewer.viewScope, partner.personId));
  return {
    record,
    statuses,
    types,
    /** The membership types with the partner rate, for the hint next to the partner link. */
    partnerRateTypes: types.filter((type) => type.partnerRate).map((type) => type.name),
    partner: partner && (partnerShown ? { ...partner, inScope: true } : { ...partner, name: `#${partner.personId}`, memberNumber: null, inScope: false }),
    addressTypes,
    studyFields,
    login,
    /** Every role, for the form that gives one (system admins only, else empty). */
    roles,
    /** The roles the person holds directly (system admins only, else empty). */
    held,
    outranked: refusal !== null,
    mayGrantRoles,
  };
}

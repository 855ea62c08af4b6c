import type { Db } from "@/lib/db/client";
import { subjectRefusalBy } from "../access/containment";
import type { Permission } from "../access/permissions";
import { directRoles } from "../access/person-roles";
import { personInViewScope, type ViewScope } from "../access/view-rights";
import { loginStateOf } from "../auth/login-state";
import { partnerOf, type PartnerInfo } from "./partner-link";
import { personPageLists } from "./person-page-lists";
import { getPersonRecord } from "./person-record";
import { nameShownTo } from "./shown-names";
import { seesEveryProfile } from "./visibility-sql";

/**
 * What the admin person page (/admin/people/[id]) reads, all at once: every statement prepared (one round trip, so
 * the embedded database's one session never waits on the web process between two messages) and none waiting for
 * another (issue 20). The roles are read only for a viewer who may give them (system.admin). Null: no such person,
 * or one outside the viewer's view rights (the people list's rule; a statement only for a narrowed viewer).
 */
export async function personPage(db: Db, viewer: { personId: number; permissions: ReadonlySet<Permission>; viewScope: ViewScope }, personId: number) {
  const mayGrantRoles = viewer.permissions.has("system.admin");
  const [inScope, record, { statuses, types, addressTypes, studyFields, roles }, partner, login, held, refusal] = await Promise.all([
    personInViewScope(db, viewer.viewScope, personId),
    getPersonRecord(db, personId),
    // The lists the forms offer (statuses, membership types, address types, study fields, roles): one statement.
    personPageLists(db, mayGrantRoles),
    partnerOf(db, personId),
    loginStateOf(db, personId),
    mayGrantRoles ? directRoles(db, personId) : [],
    // Someone above the viewer is shown, not offered for change (the domain refuses it anyway).
    subjectRefusalBy(db, viewer, personId),
  ]);
  if (!record || !inScope) return null;
  const shownPartner = partner && (await partnerAsShown(db, viewer, partner));
  return {
    record,
    statuses,
    types,
    /** The membership types with the partner rate, for the hint next to the partner link. */
    partnerRateTypes: types.filter((type) => type.partnerRate).map((type) => type.name),
    partner: shownPartner,
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

/**
 * The partner as this viewer may see them. Outside the viewer's view rights (inScope false) the page offers no change
 * of the link (sharing an address, unlinking, linking someone else: the domain refuses each as "not found") and no
 * link or member number; the name is the one the partner lets this viewer see (outside the view rights, only a name
 * they show everyone), else "#id". No statement for a viewer who sees every group and every name.
 */
async function partnerAsShown(
  db: Db,
  viewer: { personId: number; permissions: ReadonlySet<Permission>; viewScope: ViewScope },
  partner: PartnerInfo,
): Promise<PartnerInfo & { inScope: boolean }> {
  if (viewer.viewScope.all && seesEveryProfile(viewer, "name")) return { ...partner, inScope: true };
  const [inScope, name] = await Promise.all([personInViewScope(db, viewer.viewScope, partner.personId), nameShownTo(db, viewer, partner.personId)]);
  return { ...partner, name: name ?? `#${partner.personId}`, memberNumber: inScope ? partner.memberNumber : null, inScope };
}

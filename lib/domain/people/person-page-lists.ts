import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import type { AddressType, MembershipStatus, MembershipType } from "@/lib/db/schema";

/** A role as the form that gives one offers it. */
export interface RoleChoice {
  id: number;
  key: string;
  name: string;
}

export interface PersonPageLists {
  statuses: MembershipStatus[];
  types: MembershipType[];
  addressTypes: AddressType[];
  /** The active study fields' names, A–Z (studyFieldNames). */
  studyFields: string[];
  /** Every role by name (listRoles); empty unless asked for. */
  roles: RoleChoice[];
}

// The lists the person page's forms offer, each as listStatuses, listMembershipTypes, listAddressTypes,
// studyFieldNames and listRoles read it (same rows, same order), in one prepared statement: five statements were
// five more messages through the embedded database's one session on every view of the page (issue 20). Read on
// every request, not kept: an admin's edit of a list shows at once in every process.
const lists = (withRoles: boolean) => sql`select
  (select coalesce(json_agg(json_build_object('id', id, 'key', key, 'name', name, 'mayLogIn', may_log_in,
      'mayUseMachines', may_use_machines, 'inDirectory', in_directory, 'mayVote', may_vote, 'sortOrder', sort_order)
      order by sort_order, id), '[]') from membership_statuses) as statuses,
  (select coalesce(json_agg(json_build_object('id', id, 'key', key, 'name', name, 'feeCents', fee_cents,
      'billingPeriod', billing_period, 'partnerRate', partner_rate, 'active', active, 'sortOrder', sort_order)
      order by sort_order, id), '[]') from membership_types) as types,
  (select coalesce(json_agg(json_build_object('id', id, 'key', key, 'name', name, 'sortOrder', sort_order)
      order by sort_order, id), '[]') from address_types) as "addressTypes",
  (select coalesce(json_agg(name order by lower(name)), '[]') from study_fields where retired_at is null) as "studyFields",
  ${withRoles ? sql`(select coalesce(json_agg(json_build_object('id', id, 'key', key, 'name', name) order by name), '[]') from roles)` : sql`'[]'::json`} as roles`;

/** The five lists in one statement (one round trip); the roles only when `withRoles` (else an empty list). */
export async function personPageLists(db: Db, withRoles: boolean): Promise<PersonPageLists> {
  const [row] = await executePrepared<Record<keyof PersonPageLists, unknown>>(
    db,
    withRoles ? "person_page_lists_roles" : "person_page_lists",
    lists(withRoles),
  );
  const parse = <T>(value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as T[];
  return {
    statuses: parse<MembershipStatus>(row!.statuses),
    types: parse<MembershipType>(row!.types),
    addressTypes: parse<AddressType>(row!.addressTypes),
    studyFields: parse<string>(row!.studyFields),
    roles: parse<RoleChoice>(row!.roles),
  };
}

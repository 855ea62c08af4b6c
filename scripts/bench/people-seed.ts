import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * 10,000 people (profiles, cards, memberships, a laser authorization for every fourth) in a few set-based
 * statements, on top of the demo seed: the data set of bench:people and bench:api.
 */
export async function seedBenchPeople(db: Db, count: number): Promise<void> {
  await db.execute(sql`insert into people (member_number, status_id, joined_on)
    select nextval('member_number_seq'), (select id from membership_statuses where key = case when g % 10 = 0 then 'former' when g % 7 = 0 then 'supporting' else 'member' end), now() - (g || ' days')::interval
    from generate_series(1, ${count}) g`);
  await db.execute(sql`insert into profiles (person_id, first_name, last_name, email)
    select id, (array['Anna','Ben','Clara','David','Eva','Felix','Greta','Hans','Ida','Jonas'])[1 + id % 10], 'Name' || id || (array['huber','maier','gruber','wagner','bauer'])[1 + id % 5], 'person' || id || '@bench.local'
    from people where id not in (select person_id from profiles)`);
  await db.execute(
    sql`insert into cards (uid, person_id) select lpad(to_hex(id + 268435456), 8, '0'), id from people where id not in (select person_id from cards)`,
  );
  await db.execute(
    sql`insert into memberships (person_id, type_id, valid_from) select p.id, (array_agg(t.id order by t.id))[1 + p.id % 3], '2020-01-01' from people p cross join membership_types t group by p.id`,
  );
  await db.execute(
    sql`insert into equipment_authorizations (person_id, equipment_type_id, level, source) select id, (select id from equipment_types where name = 'Laser cutter'), 'user', 'grant' from people where id % 4 = 0`,
  );
  await db.execute(sql`analyze`);
}

/**
 * Guards drizzle-kit cannot express, applied after every migration run (each statement idempotent).
 * The domain checks the same rules first to give a friendly message; these keep the data right regardless.
 */
export const INVENTORY_GUARDS: string[] = [
  `create or replace function inventory_locations_no_cycle() returns trigger language plpgsql as $$
   begin
     if new.parent_id is null then return new; end if;
     if new.parent_id = new.id then
       raise exception 'a location cannot be inside itself' using errcode = '23514', constraint = 'inventory_locations_no_cycle';
     end if;
     -- Serialise tree changes: two concurrent moves (A into B, B into A) could each pass on their own.
     perform pg_advisory_xact_lock(727100201);
     if exists (
       with recursive up as (
         select id, parent_id from inventory_locations where id = new.parent_id
         union
         select l.id, l.parent_id from inventory_locations l join up on l.id = up.parent_id
       )
       select 1 from up where id = new.id
     ) then
       raise exception 'a location cannot be inside itself' using errcode = '23514', constraint = 'inventory_locations_no_cycle';
     end if;
     return new;
   end $$`,
  `drop trigger if exists inventory_locations_no_cycle on inventory_locations`,
  `create trigger inventory_locations_no_cycle before insert or update of parent_id on inventory_locations
   for each row execute function inventory_locations_no_cycle()`,
  `create or replace function things_number_fixed() returns trigger language plpgsql as $$
   begin
     if new.number is distinct from old.number then
       raise exception 'a thing''s number never changes' using errcode = '23514', constraint = 'things_number_fixed';
     end if;
     return new;
   end $$`,
  `drop trigger if exists things_number_fixed on things`,
  `create trigger things_number_fixed before update of number on things for each row execute function things_number_fixed()`,
];

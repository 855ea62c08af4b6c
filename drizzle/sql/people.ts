/**
 * Rules drizzle-kit cannot express. Idempotent (CREATE OR REPLACE / DROP IF EXISTS), applied by
 * drizzle/sql/index.ts.
 *
 * Exactly one main address: the partial unique index allows at most one; this deferred trigger checks, at commit,
 * that a person who holds any address has one marked main. Deferred so a transaction may swap the main address.
 */
export const PEOPLE_GUARDS: string[] = [
  `create or replace function ms_check_one_main_address() returns trigger language plpgsql as $$
declare
  pid integer;
  holders integer;
  mains integer;
begin
  if tg_op = 'DELETE' then pid := old.person_id; else pid := new.person_id; end if;
  select count(*), count(*) filter (where is_main) into holders, mains from address_holders where person_id = pid;
  if holders > 0 and mains <> 1 then
    raise exception 'person % must have exactly one main address (has %)', pid, mains
      using errcode = '23514', constraint = 'address_holders_exactly_one_main';
  end if;
  if tg_op = 'UPDATE' and old.person_id <> new.person_id then
    select count(*), count(*) filter (where is_main) into holders, mains from address_holders where person_id = old.person_id;
    if holders > 0 and mains <> 1 then
      raise exception 'person % must have exactly one main address (has %)', old.person_id, mains
        using errcode = '23514', constraint = 'address_holders_exactly_one_main';
    end if;
  end if;
  return null;
end $$`,
  `drop trigger if exists address_holders_exactly_one_main on address_holders`,
  `create constraint trigger address_holders_exactly_one_main after insert or update or delete on address_holders
    deferrable initially deferred for each row execute function ms_check_one_main_address()`,
];

// Indicator 3.2 at a million people (SPEC §15, docs/benchmarks.md): each subject's first protection
// service, kept up to date by triggers on services and people, so the indicator table reads one row
// per subject instead of sorting every service ever delivered. The subject is the person after a
// merge (one level, as the indicator's source maps it); ties on the date go to the smaller service id,
// the order the engine uses. The triggers are statement-level with transition tables, so a bulk write
// (an import, the demo loader, a merge moving many services) costs one set-based statement.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table protection_first_services (
      subject_id uuid primary key references people (id) on delete cascade,
      service_id uuid not null,
      transit_case_id uuid not null,
      -- The case's organisation (the indicator's partner), kept in step when a case is transferred.
      organisation_id uuid not null,
      site_id uuid,
      date date not null
    );
    create index protection_first_services_date on protection_first_services (date);
    create index protection_first_services_case on protection_first_services (transit_case_id);

    -- Writers of one subject take turns (1,024 buckets, taken in order: no deadlock, and a bulk
    -- write holds at most 1,024 locks), so a recomputation always sees the other writers' rows.
    create function protection_first_services_lock(subjects uuid[]) returns void language sql as $$
      select pg_advisory_xact_lock(730132, b)
        from (select distinct hashtext(s::text) & 1023 as b from unnest(subjects) s order by 1) buckets;
    $$;

    -- Recomputes the first service of the given subjects from scratch.
    create function protection_first_services_refresh(subjects uuid[]) returns void language plpgsql as $$
    begin
      perform protection_first_services_lock(subjects);
      delete from protection_first_services where subject_id = any(subjects);
      insert into protection_first_services (subject_id, service_id, transit_case_id, organisation_id, site_id, date)
      select distinct on (p.subject) p.subject, s.id, s.transit_case_id, tc.organisation_id, s.site_id, s.date
        from (select coalesce(merged_into_id, id) as subject, id from people
               where id = any(subjects) or merged_into_id = any(subjects)) p
        join services s on s.person_id = p.id
        join transit_cases tc on tc.id = s.transit_case_id
       where p.subject = any(subjects)
       order by p.subject, s.date, s.id;
    end $$;

    create function protection_first_services_inserted() returns trigger language plpgsql as $$
    begin
      -- A restore puts the table back as it was saved.
      if current_setting('taama.restoring', true) = 'on' then return null; end if;
      perform protection_first_services_lock(array(
        select distinct coalesce(p.merged_into_id, p.id) from new_rows n join people p on p.id = n.person_id));
      insert into protection_first_services as f (subject_id, service_id, transit_case_id, organisation_id, site_id, date)
      select distinct on (subject) coalesce(p.merged_into_id, p.id) as subject, n.id, n.transit_case_id, tc.organisation_id, n.site_id, n.date
        from new_rows n join people p on p.id = n.person_id join transit_cases tc on tc.id = n.transit_case_id
       order by subject, n.date, n.id
      on conflict (subject_id) do update
         set service_id = excluded.service_id, transit_case_id = excluded.transit_case_id, organisation_id = excluded.organisation_id,
             site_id = excluded.site_id, date = excluded.date
       where (excluded.date, excluded.service_id) < (f.date, f.service_id);
      return null;
    end $$;

    create function protection_first_services_updated() returns trigger language plpgsql as $$
    begin
      if current_setting('taama.restoring', true) = 'on' then return null; end if;
      perform protection_first_services_refresh(array(
        select distinct coalesce(p.merged_into_id, p.id)
          from old_rows o join new_rows n on n.id = o.id
          cross join lateral (values (o.person_id), (n.person_id)) as touched (person_id)
          join people p on p.id = touched.person_id
         where (o.person_id, o.date, o.transit_case_id, o.site_id) is distinct from (n.person_id, n.date, n.transit_case_id, n.site_id)));
      return null;
    end $$;

    create function protection_first_services_deleted() returns trigger language plpgsql as $$
    begin
      if current_setting('taama.restoring', true) = 'on' then return null; end if;
      perform protection_first_services_refresh(array(
        select f.subject_id from protection_first_services f join old_rows o on o.id = f.service_id));
      return null;
    end $$;

    -- A merge or unmerge changes whose first service a person's services count towards.
    create function protection_first_services_people_updated() returns trigger language plpgsql as $$
    begin
      if current_setting('taama.restoring', true) = 'on' then return null; end if;
      perform protection_first_services_refresh(array(
        select distinct subject
          from old_rows o join new_rows n on n.id = o.id
          cross join lateral (values (coalesce(o.merged_into_id, o.id)), (coalesce(n.merged_into_id, n.id))) as touched (subject)
         where o.merged_into_id is distinct from n.merged_into_id));
      return null;
    end $$;

    -- A transferred case moves its first services to the new organisation.
    create function protection_first_services_case_updated() returns trigger language plpgsql as $$
    begin
      if current_setting('taama.restoring', true) = 'on' then return null; end if;
      update protection_first_services f set organisation_id = n.organisation_id
        from old_rows o join new_rows n on n.id = o.id
       where f.transit_case_id = n.id and o.organisation_id is distinct from n.organisation_id;
      return null;
    end $$;

    create trigger services_first_inserted after insert on services
      referencing new table as new_rows for each statement execute function protection_first_services_inserted();
    create trigger services_first_updated after update on services
      referencing old table as old_rows new table as new_rows for each statement execute function protection_first_services_updated();
    create trigger services_first_deleted after delete on services
      referencing old table as old_rows for each statement execute function protection_first_services_deleted();
    create trigger people_first_services_updated after update on people
      referencing old table as old_rows new table as new_rows for each statement execute function protection_first_services_people_updated();
    create trigger transit_cases_first_services_updated after update on transit_cases
      referencing old table as old_rows new table as new_rows for each statement execute function protection_first_services_case_updated();

    insert into protection_first_services (subject_id, service_id, transit_case_id, organisation_id, site_id, date)
    select distinct on (subject) coalesce(p.merged_into_id, p.id) as subject, s.id, s.transit_case_id, tc.organisation_id, s.site_id, s.date
      from services s join people p on p.id = s.person_id join transit_cases tc on tc.id = s.transit_case_id
     order by subject, s.date, s.id;
  `.execute(db);
}

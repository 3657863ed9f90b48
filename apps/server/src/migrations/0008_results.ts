// Results framework (SPEC §11): the logframe and the indicator registry as data (seeded here from the
// core defaults of the reference action), versioned counting rules, manual values with evidence and
// approval, period sign-offs with their snapshots, and the budget (contracts, lines, expenditures).
import { sql, type Kysely } from 'kysely';
import { DEFAULT_INDICATORS, DEFAULT_LOGFRAME } from '@taama/core';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table logframe_nodes (
      code text primary key,
      parent_code text references logframe_nodes (code),
      kind text not null check (kind in ('goal', 'objective', 'output', 'activity')),
      title_fr text not null,
      title_en text not null,
      partner text,
      sort_order integer not null default 0
    );

    create table indicator_definitions (
      code text primary key,
      title_fr text not null,
      title_en text not null,
      level text not null references logframe_nodes (code),
      unit_fr text not null,
      unit_en text not null,
      baseline numeric not null default 0,
      target numeric,
      period_targets jsonb not null default '{}',
      partner text not null,
      data_source_fr text not null,
      data_source_en text not null,
      mode text not null check (mode in ('automatic', 'manual')),
      rule_version integer not null default 1,
      sort_order integer not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    -- Every version of every counting rule; values say which version computed them.
    create table indicator_rules (
      indicator_code text not null references indicator_definitions (code),
      rule_version integer not null,
      mode text not null check (mode in ('automatic', 'manual')),
      source text,
      kind text check (kind in ('distinct', 'sum')),
      created_at timestamptz not null default now(),
      created_by uuid,
      primary key (indicator_code, rule_version),
      constraint indicator_rules_source_check check ((mode = 'manual') = (source is null))
    );

    create table indicator_manual_values (
      id uuid primary key,
      indicator_code text not null references indicator_definitions (code),
      period text not null,
      period_from date not null,
      period_to date not null,
      value numeric not null check (value >= 0),
      note text,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'superseded')),
      entered_by uuid not null,
      entered_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      version integer not null default 1
    );
    create index indicator_manual_values_code on indicator_manual_values (indicator_code, period_from);

    create table indicator_evidence (
      id uuid primary key,
      manual_value_id uuid not null references indicator_manual_values (id),
      file_name text not null,
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
      bytes integer not null,
      sha256 text not null,
      data bytea not null,
      uploaded_at timestamptz not null default now(),
      uploaded_by uuid
    );
    create index indicator_evidence_value on indicator_evidence (manual_value_id);

    create table period_signoffs (
      period text primary key,
      period_from date not null,
      period_to date not null,
      note text,
      signed_off_at timestamptz not null default now(),
      signed_off_by uuid not null
    );

    -- What a signed-off quarter reported: value and every disaggregation of each indicator.
    create table period_snapshots (
      period text not null references period_signoffs (period),
      indicator_code text not null references indicator_definitions (code),
      rule_version integer not null,
      available boolean not null,
      value numeric not null,
      disaggregations jsonb not null,
      primary key (period, indicator_code)
    );

    create table budget_contracts (
      id uuid primary key,
      code text not null unique,
      partner text not null,
      amount_eur numeric(14, 2) not null check (amount_eur >= 0),
      start_date date not null,
      end_date date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      constraint budget_contracts_end_date_check check (end_date >= start_date)
    );

    create table budget_lines (
      id uuid primary key,
      contract_id uuid not null references budget_contracts (id),
      output_code text not null references logframe_nodes (code),
      label text not null,
      amount_eur numeric(14, 2) not null check (amount_eur >= 0),
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index budget_lines_contract on budget_lines (contract_id);

    create table budget_expenditures (
      id uuid primary key,
      line_id uuid not null references budget_lines (id),
      spent_on date not null,
      currency text not null check (currency in ('XOF', 'EUR')),
      amount numeric(16, 2) not null check (amount > 0),
      amount_eur numeric(14, 2) not null,
      description text not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index budget_expenditures_line on budget_expenditures (line_id, spent_on);
  `.execute(db);

  let order = 0;
  for (const node of DEFAULT_LOGFRAME) {
    order += 1;
    await sql`insert into logframe_nodes (code, parent_code, kind, title_fr, title_en, partner, sort_order)
              values (${node.code}, ${node.parent}, ${node.kind}, ${node.title.fr}, ${node.title.en}, ${node.partner}, ${order})`.execute(db);
  }
  order = 0;
  for (const d of DEFAULT_INDICATORS) {
    order += 1;
    const periodTargets = JSON.stringify(d.periodTargets ?? {});
    await sql`insert into indicator_definitions (code, title_fr, title_en, level, unit_fr, unit_en, baseline, target, period_targets, partner, data_source_fr, data_source_en, mode, rule_version, sort_order)
              values (${d.code}, ${d.title.fr}, ${d.title.en}, ${d.level}, ${d.unit.fr}, ${d.unit.en}, ${d.baseline}, ${d.target}, ${periodTargets}::jsonb, ${d.partner}, ${d.dataSource.fr}, ${d.dataSource.en}, ${d.computation.mode}, 1, ${order})`.execute(db);
    const c = d.computation;
    await sql`insert into indicator_rules (indicator_code, rule_version, mode, source, kind)
              values (${d.code}, 1, ${c.mode}, ${c.mode === 'automatic' ? c.source : null}, ${c.mode === 'automatic' ? c.kind : null})`.execute(db);
  }
}

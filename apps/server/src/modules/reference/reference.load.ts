// Loads reference data shipped with Taama (reference-data/): P-codes, countries, flow monitoring
// points. Idempotent: rows already present are left alone, so it runs at every start.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Db } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';

countries.registerLocale(en);
countries.registerLocale(fr);

/** Folder of the reference files, at the repository root. */
export const REFERENCE_DIR = new URL('../../../../../reference-data/', import.meta.url);

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(name, REFERENCE_DIR), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]?.message ?? 'parse error'}`);
  return parsed.data;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
const text = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/** Countries: the full ISO 3166-1 list with French and English names, enriched for West Africa. */
interface CountryRow {
  iso3: string;
  iso2: string | null;
  m49: string | null;
  nameEn: string;
  nameFr: string;
  ecowasStatus: string | null;
  aesMember: boolean;
  bordersMali: boolean;
  regionGroup: string | null;
}

function countryRows(): CountryRow[] {
  const regional = new Map(readCsv('countries-west-africa.csv').map((r) => [r.iso3, r]));
  const enNames = countries.getNames('en', { select: 'official' });
  const frNames = countries.getNames('fr', { select: 'official' });
  const rows = Object.keys(enNames).map((iso2): CountryRow => {
    const iso3 = countries.alpha2ToAlpha3(iso2) ?? iso2;
    const r = regional.get(iso3);
    return {
      iso3,
      iso2,
      m49: text(r?.m49) ?? countries.alpha2ToNumeric(iso2) ?? null,
      nameEn: r?.name_en || enNames[iso2] || iso3,
      nameFr: r?.name_fr || frNames[iso2] || enNames[iso2] || iso3,
      ecowasStatus: text(r?.ecowas_status),
      aesMember: r?.aes_member === 'yes',
      bordersMali: r?.borders_mali === 'yes',
      regionGroup: text(r?.group),
    };
  });
  // Codes in the regional file that ISO does not list (OOO = unknown, as DTM uses it).
  for (const [iso3, r] of regional) {
    if (iso3 && !rows.some((row) => row.iso3 === iso3)) {
      rows.push({ iso3, iso2: text(r.iso2), m49: text(r.m49), nameEn: r.name_en ?? iso3, nameFr: r.name_fr ?? iso3, ecowasStatus: text(r.ecowas_status), aesMember: r.aes_member === 'yes', bordersMali: r.borders_mali === 'yes', regionGroup: text(r.group) });
    }
  }
  return rows;
}

function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts any missing reference rows; returns how many were added per table. */
export async function loadReferenceData(db: Db): Promise<{ adminUnits: number; countries: number; flowMonitoringPoints: number }> {
  return inTransaction(db, async (tx) => {
    const added = { adminUnits: 0, countries: 0, flowMonitoringPoints: 0 };
    for (const part of chunks(countryRows())) {
      const r = await tx.insertInto('countries').values(part).onConflict((oc) => oc.column('iso3').doNothing()).executeTakeFirst();
      added.countries += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    // Parents before children: sorted by level.
    const units = readCsv('mali-pcodes.csv')
      .map((r) => ({ pcode: r.pcode ?? '', name: r.name ?? '', level: Number(r.level), parentPcode: text(r.parent_pcode), lon: num(r.lon), lat: num(r.lat) }))
      .sort((a, b) => a.level - b.level);
    for (const part of chunks(units)) {
      const r = await tx.insertInto('adminUnits').values(part).onConflict((oc) => oc.column('pcode').doNothing()).executeTakeFirst();
      added.adminUnits += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    const points = readCsv('dtm-fmps-wca.csv').map((r) => ({
      id: r.fmp_id ?? '',
      name: r.name ?? '',
      countryIso3: r.country_iso3 ?? 'OOO',
      lat: num(r.lat),
      lon: num(r.lon),
      coordQuality: text(r.coord_quality),
      adm1Pcode: text(r.adm1_pcode),
      adm2Pcode: text(r.adm2_pcode),
      adm3Pcode: text(r.adm3_pcode),
      fmpType: r.fmp_type || 'transit_hub',
      // A default point is active from 2016-07 until an administrator closes it (SPEC §8).
      activeFrom: '2016-07-01',
      activeTo: null,
      fmrPeriod: text(r.fmr_period),
      fmsPeriod: text(r.fms_period),
      note: text(r.note),
    }));
    const r = await tx.insertInto('flowMonitoringPoints').values(points).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    added.flowMonitoringPoints += Number(r.numInsertedOrUpdatedRows ?? 0);
    return added;
  });
}

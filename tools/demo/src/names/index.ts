// Name pools by nationality (ISO 3166-1 alpha-3), for the synthetic people of the demo.
import { BURKINA_FASO, CHAD, MALI, MAURITANIA, NIGER } from './sahel';
import { CABO_VERDE, COTE_D_IVOIRE, GAMBIA, GUINEA, GUINEA_BISSAU, LIBERIA, SENEGAL, SIERRA_LEONE } from './coast';
import { BENIN, CAMEROON, CENTRAL_AFRICA, GHANA, NIGERIA, TOGO } from './gulf';
import type { NamePool } from './types';

export type { NamePool } from './types';

export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  MLI: MALI,
  BFA: BURKINA_FASO,
  NER: NIGER,
  MRT: MAURITANIA,
  TCD: CHAD,
  GIN: GUINEA,
  SEN: SENEGAL,
  GMB: GAMBIA,
  GNB: GUINEA_BISSAU,
  SLE: SIERRA_LEONE,
  LBR: LIBERIA,
  CPV: CABO_VERDE,
  CIV: COTE_D_IVOIRE,
  NGA: NIGERIA,
  GHA: GHANA,
  TGO: TOGO,
  BEN: BENIN,
  CMR: CAMEROON,
  CAF: CENTRAL_AFRICA,
};

/**
 * When the nationality is not stated (DTM's OOO), the person still has a name: it comes from one of
 * the pools most represented in transit, weighted as they are.
 */
export const UNKNOWN_NATIONALITY_POOLS: Readonly<Record<string, number>> = { MLI: 3, GIN: 3, CIV: 2, SEN: 2, BFA: 2, GMB: 1, NGA: 1, SLE: 1 };

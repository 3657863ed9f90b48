// Reference data: administrative units (P-codes), countries, flow monitoring points.
import { Type, type Static } from 'typebox';
import { Page, PageQuery, Pcode } from './common';

export const AdminUnit = Type.Object({
  pcode: Type.String(),
  name: Type.String(),
  level: Type.Integer({ minimum: 0, maximum: 3 }),
  parentPcode: Type.Union([Type.String(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
});
export type AdminUnit = Static<typeof AdminUnit>;

export const AdminUnitQuery = Type.Object(
  {
    level: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
    parent: Type.Optional(Pcode),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AdminUnitQuery = Static<typeof AdminUnitQuery>;
export const AdminUnitPage = Page(AdminUnit);

export const Country = Type.Object({
  iso3: Type.String(),
  iso2: Type.Union([Type.String(), Type.Null()]),
  nameFr: Type.String(),
  nameEn: Type.String(),
  ecowasStatus: Type.Union([Type.String(), Type.Null()]),
  aesMember: Type.Boolean(),
  bordersMali: Type.Boolean(),
  region: Type.Union([Type.String(), Type.Null()]),
});
export type Country = Static<typeof Country>;

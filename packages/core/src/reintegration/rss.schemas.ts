// The RSS's API shapes (SPEC §7, §13): instruments, survey input, results and aggregates.
import { Type, type Static } from 'typebox';
import { ASSISTANCE_DIMENSIONS, ASSISTANCE_LEVELS, ASSISTANCE_TYPES, RSS_INSTRUMENT_STATUSES, RSS_ROUNDS } from './codes';
import { Codes, DateString, Nullable, Pcode, Timestamp, Uuid } from '../schemas/common';

const Score = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
/** The four RSS scores, each in [0, 1] or null (incomplete). */
export const RssScoresSchema = Type.Object({ economic: Score, social: Score, psychosocial: Score, composite: Score });
const Change = Nullable(Type.Number({ minimum: -1, maximum: 1 }));
/** Score differences (follow-up minus baseline), in [-1, 1]. */
export const RssChangeSchema = Type.Object({ economic: Change, social: Change, psychosocial: Change, composite: Change });

// ── RSS ──────────────────────────────────────────────────────────────────────────────────────────

const Label = Type.Object({ fr: Type.String({ maxLength: 1000 }), en: Type.String({ maxLength: 1000 }) });
const Unit = Type.Number({ minimum: 0, maximum: 1 });

export const RssInstrumentSchema = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Optional(Codes(RSS_INSTRUMENT_STATUSES)),
    source: Type.Optional(Type.String({ maxLength: 4000 })),
    minAnsweredShare: Type.Optional(Unit),
    rules: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }))),
    bands: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Array(Unit, { minItems: 2, maxItems: 2 }), Type.String({ maxLength: 40 })]))),
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ minLength: 1, maxLength: 64 }),
          dimension: Codes(ASSISTANCE_DIMENSIONS),
          weight: Unit,
          compositeWeight: Unit,
          missingScore: Type.Optional(Nullable(Unit)),
          label: Type.Optional(Label),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          askIf: Type.Optional(
            Type.Object(
              { item: Type.String({ minLength: 1, maxLength: 64 }), in: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 30 }) },
              { additionalProperties: false, description: 'asked only when the earlier item was answered with one of these values; otherwise skipped (left out)' },
            ),
          ),
          options: Type.Optional(Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 64 }), score: Nullable(Unit), label: Type.Optional(Label) }, { additionalProperties: false }), { minItems: 1, maxItems: 30 })),
          derived: Type.Optional(
            Type.Object(
              { op: Codes(['mean', 'sum'] as const), of: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50 }), clamp: Type.Optional(Type.Array(Unit, { minItems: 2, maxItems: 2 })) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false, description: 'the shape of data/rss-default-instrument.json (SPEC §13)' },
);
export type RssInstrumentInput = Static<typeof RssInstrumentSchema>;

export const RssInstrumentListItem = Type.Object({
  version: Type.String(),
  status: Codes(RSS_INSTRUMENT_STATUSES),
  inUse: Type.Boolean(),
  createdAt: Timestamp,
  itemCount: Type.Integer(),
  bands: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type RssInstrumentListItem = Static<typeof RssInstrumentListItem>;

export const RssInstrumentParams = Type.Object({ version: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const RssInput = Type.Object(
  {
    round: Codes(RSS_ROUNDS),
    instrumentVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    surveyedOn: Type.Optional(DateString),
    answers: Type.Record(Type.String({ maxLength: 64 }), Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);
export type RssInput = Static<typeof RssInput>;

export const RssResult = Type.Object({
  id: Uuid,
  round: Codes(RSS_ROUNDS),
  instrumentVersion: Type.String(),
  surveyedOn: DateString,
  scores: RssScoresSchema,
  complete: Type.Boolean(),
  band: Nullable(Type.String()),
  answers: Type.Optional(Type.Record(Type.String(), Nullable(Type.String()))),
  createdAt: Timestamp,
});
export type RssResult = Static<typeof RssResult>;

export const RssResults = Type.Object({
  items: Type.Array(RssResult),
  change: Nullable(Type.Object({ from: Uuid, to: Uuid, scores: RssChangeSchema }, { description: 'latest follow-up minus baseline' })),
});
export type RssResults = Static<typeof RssResults>;

export const RssSummaryQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString), regionPcode: Type.Optional(Pcode) }, { additionalProperties: false });
export type RssSummaryQuery = Static<typeof RssSummaryQuery>;

const Bins = Type.Array(Type.Integer(), { minItems: 10, maxItems: 10, description: 'counts in [0, 0.1), [0.1, 0.2) … [0.9, 1]' });
export const RssSummary = Type.Object({
  instrumentStatus: Codes(RSS_INSTRUMENT_STATUSES),
  distributions: Type.Object({ economic: Bins, social: Bins, psychosocial: Bins, composite: Bins }),
  change: Type.Array(Type.Object({ assistanceType: Codes(ASSISTANCE_TYPES), level: Codes(ASSISTANCE_LEVELS), n: Type.Integer(), meanChange: RssChangeSchema })),
});
export type RssSummary = Static<typeof RssSummary>;

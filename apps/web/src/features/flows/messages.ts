// The flows rules' messages (core's validateFlowCount and the import, in English rule form) in the
// interface language; messages of other rules go through the app's general translation.
import type { TFunction } from 'i18next';
import { translateFieldMessage } from '../../app/errors';

type Rule = [RegExp, (t: TFunction, m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^must equal men \+ women \+ boys \+ girls \+ sexAgeUnknown \((\d+)\), not (\d+)$/, (t, m) => t('flows:messages.totalSum', { sum: m[1], total: m[2] })],
  [/^must not exceed boys \+ girls \((\d+)\)$/, (t, m) => t('flows:messages.maxChildren', { n: m[1] })],
  [/^must not exceed women \((\d+)\)$/, (t, m) => t('flows:messages.maxWomen', { n: m[1] })],
  [/^must not exceed men \+ women \((\d+)\)$/, (t, m) => t('flows:messages.maxAdults', { n: m[1] })],
  [/^must not exceed total \((\d+)\)$/, (t, m) => t('flows:messages.maxTotal', { n: m[1] })],
  [/^lists (\S+) more than once$/, (t, m) => t('flows:messages.nationalityTwice', { country: m[1] })],
  [/^add up to (\d+), more than total \((\d+)\)$/, (t, m) => t('flows:messages.nationalitiesSum', { sum: m[1], total: m[2] })],
  [/^must not be in the future \(today is (.+)\)$/, (t, m) => t('flows:messages.future', { today: m[1] })],
  [/^(\S+) is not a known flow monitoring point$/, (t, m) => t('flows:messages.unknownPoint', { fmp: m[1] })],
  [/^(\S+) was not active on (\S+)$/, (t, m) => t('flows:messages.inactivePoint', { fmp: m[1], date: m[2] })],
  [/^is for places in Mali only; use the locality for places abroad$/, (t) => t('flows:messages.pcodeMaliOnly')],
  [/^must be a Mali P-code \(ML…\)$/, (t) => t('flows:messages.pcodeMali')],
  [/^(\S+) is not a known P-code$/, (t, m) => t('flows:messages.unknownPcode', { pcode: m[1] })],
  [/^is required for a custom observation window$/, (t) => t('flows:messages.windowRequired')],
  [/^must be after windowStart$/, (t) => t('flows:messages.windowOrder')],
];

/** A flows rule message in the interface language (as sent when its rule is unknown). */
export function flowMessage(t: TFunction, message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(t, match);
  }
  return translateFieldMessage(t, message);
}

/** A count or survey field's label (its Taama name when it has none). */
export function fieldName(t: TFunction, field: string): string {
  return t(`flows:fields.${field}`, { defaultValue: t(`flows:surveyFields.${field}`, { defaultValue: field }) });
}

// IATI 2.03 activity results of the action (SPEC §11): one result per specific objective, its
// indicators with baseline, one period per quarter of the span (actual, and target when set) and
// one period over the whole programme with the total target and the cumulative value.
import { parsePeriod, type IndicatorValue } from '@taama/core';
import { xmlEscape } from './common';
import type { ProgrammeSettings } from '../programme';
import type { Definition } from '../definitions.service';

export interface LogframeTitle {
  code: string;
  title: { fr: string; en: string };
}

const narrative = (text: string, lang?: string) => `<narrative${lang ? ` xml:lang="${lang}"` : ''}>${xmlEscape(text)}</narrative>`;

/** The XML text of the activity with its results. */
export function iatiXml(o: {
  programme: ProgrammeSettings;
  objectives: readonly LogframeTitle[];
  definitions: readonly Definition[];
  values: ReadonlyMap<string, IndicatorValue>;
  span: { from: string; to: string };
  generatedAt: Date;
}): string {
  const { programme, span } = o;
  const stamp = o.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<iati-activities version="2.03" generated-datetime="${stamp}">`);
  out.push(` <iati-activity last-updated-datetime="${stamp}" xml:lang="en" default-currency="EUR">`);
  out.push(`  <iati-identifier>${xmlEscape(programme.iatiIdentifier)}</iati-identifier>`);
  out.push(`  <reporting-org ref="${xmlEscape(programme.reportingOrg.ref)}" type="15">${narrative(programme.reportingOrg.name)}</reporting-org>`);
  out.push(`  <title>${narrative(programme.title.en)}${narrative(programme.title.fr, 'fr')}</title>`);
  out.push('  <activity-status code="2"/>');
  out.push(`  <activity-date iso-date="${programme.start}" type="2"/>`);
  for (const objective of o.objectives) {
    const indicators = o.definitions.filter((d) => d.level === objective.code && o.values.get(d.code)?.available);
    if (indicators.length === 0) continue;
    out.push('  <result type="1" aggregation-status="1">');
    out.push(`   <title>${narrative(`${objective.code} ${objective.title.en}`)}${narrative(`${objective.code} ${objective.title.fr}`, 'fr')}</title>`);
    for (const d of indicators) {
      const v = o.values.get(d.code);
      if (!v) continue;
      out.push('   <indicator measure="1" ascending="1">');
      out.push(`    <title>${narrative(`${d.code} ${d.title.en}`)}${narrative(`${d.code} ${d.title.fr}`, 'fr')}</title>`);
      out.push(`    <baseline year="${programme.start.slice(0, 4)}" iso-date="${programme.start}" value="${d.baseline}"/>`);
      for (const p of v.periods) {
        const range = parsePeriod(p.period);
        if (!range) continue;
        const start = range.from < span.from ? span.from : range.from;
        const end = range.to > span.to ? span.to : range.to;
        out.push(`    <period><period-start iso-date="${start}"/><period-end iso-date="${end}"/>${p.target !== undefined ? `<target value="${p.target}"/>` : ''}<actual value="${p.value}"/></period>`);
      }
      const end = span.to < programme.end ? span.to : programme.end;
      out.push(`    <period><period-start iso-date="${programme.start}"/><period-end iso-date="${end > programme.start ? end : programme.end}"/>${d.target !== null ? `<target value="${d.target}"/>` : ''}<actual value="${v.cumulative}"/></period>`);
      out.push('   </indicator>');
    }
    out.push('  </result>');
  }
  out.push(' </iati-activity>');
  out.push('</iati-activities>');
  return out.join('\n') + '\n';
}

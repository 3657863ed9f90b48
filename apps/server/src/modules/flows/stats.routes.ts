// Routes: /flows/stats/* (dashboards) and /flows/quality.
import { ErrorBody, FlowComposition, FlowOd, FlowPointStats, FlowReasons, FlowReasonsQuery, FlowRegionStats, FlowStatsQuery, FlowTrends, FlowTrendsQuery, QualityQuery, QualityReport } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { composition, originDestination, pointTotals, reasons, regionTotals, trends } from './stats.service';
import { qualityReport } from './quality.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['flows'];
const access = { permission: 'flow.read' } as const;

/** Registers the statistics and quality routes. */
export async function statsRoutes(app: App): Promise<void> {
  app.get('/flows/stats/trends', {
    config: { access },
    schema: { tags, summary: 'Totals per period and direction', querystring: FlowTrendsQuery, response: { 200: FlowTrends, ...errors } },
  }, async (request) => trends(requireCtx(request), request.query));

  app.get('/flows/stats/od', {
    config: { access },
    schema: { tags, summary: 'Totals per origin and final destination country', querystring: FlowStatsQuery, response: { 200: FlowOd, ...errors } },
  }, async (request) => originDestination(requireCtx(request), request.query));

  app.get('/flows/stats/composition', {
    config: { access },
    schema: { tags, summary: 'Sex/age, nationality and vulnerability composition', querystring: FlowStatsQuery, response: { 200: FlowComposition, ...errors } },
  }, async (request) => composition(requireCtx(request), request.query));

  app.get('/flows/stats/points', {
    config: { access },
    schema: { tags, summary: 'Totals per monitoring point', querystring: FlowStatsQuery, response: { 200: FlowPointStats, ...errors } },
  }, async (request) => pointTotals(requireCtx(request), request.query));

  app.get('/flows/stats/regions', {
    config: { access },
    schema: { tags, summary: 'Totals per Mali region (admin 1) of departure', querystring: FlowStatsQuery, response: { 200: FlowRegionStats, ...errors } },
  }, async (request) => regionTotals(requireCtx(request), request.query));

  app.get('/flows/stats/reasons', {
    config: { access },
    schema: { tags, summary: 'Survey reasons per nationality or region (1–4 withheld, no percentage below a base of 30)', querystring: FlowReasonsQuery, response: { 200: FlowReasons, ...errors } },
  }, async (request) => reasons(requireCtx(request), request.query));

  app.get('/flows/quality', {
    config: { access },
    schema: { tags, summary: 'Data quality: rejected, suspicious, missing days, outliers, duplicate submissions', querystring: QualityQuery, response: { 200: QualityReport, ...errors } },
  }, async (request) => qualityReport(requireCtx(request), request.query));
}

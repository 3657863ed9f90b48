// Routes: /arrivals — the reception desk — and the returns dashboard.
import { Arrival, ArrivalAssistanceInput, ArrivalInput, ArrivalsQuery, ExpectedArrivals, ExpectedArrivalsQuery, IdParams, Page, ReturnsDashboard, ReturnsDashboardQuery, ReturnsSettings } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { addArrivalAssistance, expectedArrivals, getArrival, listArrivals, recordArrival } from './arrivals.service';
import { returnsDashboard } from './dashboard.service';
import { errors } from './return-cases.routes';
import { cashOnArrivalXof } from './returns.common';

const tags = ['returns'];

/** Registers the arrival desk routes and the dashboard. */
export async function arrivalRoutes(app: App): Promise<void> {
  app.get('/arrivals/expected', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Inbound movements expected at a reception site on a date, and overdue ones', querystring: ExpectedArrivalsQuery, response: { 200: ExpectedArrivals, ...errors } },
  }, async (request) => expectedArrivals(requireCtx(request), request.query));

  app.post('/arrivals', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Record a spontaneous arrival (opens a reintegration case)', body: ArrivalInput, response: { 201: Arrival, ...errors } },
  }, async (request, reply) => reply.status(201).send(await recordArrival(requireCtx(request), request.body)));

  app.get('/arrivals', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Arrivals, latest first', querystring: ArrivalsQuery, response: { 200: Page(Arrival), ...errors } },
  }, async (request) => listArrivals(requireCtx(request), request.query));

  app.get('/arrivals/:id', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'An arrival with its assistance (audited read)', params: IdParams, response: { 200: Arrival, ...errors } },
  }, async (request) => getArrival(requireCtx(request), request.params.id));

  app.post('/arrivals/:id/assistance', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Record assistance given on arrival', params: IdParams, body: ArrivalAssistanceInput, response: { 201: Arrival, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addArrivalAssistance(requireCtx(request), request.params.id, request.body)));

  app.get('/returns/settings', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'The configured values the return screens prefill (cash on arrival)', response: { 200: ReturnsSettings, ...errors } },
  }, async (request) => ({ cashOnArrivalXof: await cashOnArrivalXof(requireCtx(request).db) }));

  app.get('/returns/dashboard', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'Return figures: pipeline, destinations, departures, arrivals, vulnerable', querystring: ReturnsDashboardQuery, response: { 200: ReturnsDashboard, ...errors } },
  }, async (request) => returnsDashboard(requireCtx(request), request.query));
}

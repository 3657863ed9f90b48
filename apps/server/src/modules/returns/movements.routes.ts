// Routes: /movements — planning, passengers, departure and arrival confirmations, manifest downloads.
import { Type } from 'typebox';
import { ArrivalConfirmation, DepartureInput, DownloadQuery, IdParams, Movement, MovementInput, MovementPatch, MovementsQuery, MovementSummary, Page, PassengerInput, PassengerParams } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { inTransaction } from '../../platform/db/tx';
import { createMovement, getMovement, listMovements, updateMovement } from './movements.service';
import { addPassenger, removePassenger } from './passengers.service';
import { confirmDeparture } from './departure.service';
import { confirmArrival } from './movement-arrival.service';
import { readManifest } from './manifest.data';
import { manifestPdf } from './manifest.pdf';
import { passengersXlsx } from './passengers.xlsx';
import { errors } from './return-cases.routes';

const tags = ['returns'];
const FileBody = (description: string) => Type.Unknown({ description });

/** Registers the movement routes. */
export async function movementRoutes(app: App): Promise<void> {
  app.post('/movements', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Plan a movement (charter, commercial flight or bus convoy)', body: MovementInput, response: { 201: Movement, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createMovement(requireCtx(request), request.body)));

  app.get('/movements', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'Movements of your organisation, latest departure first', querystring: MovementsQuery, response: { 200: Page(MovementSummary), ...errors } },
  }, async (request) => listMovements(requireCtx(request), request.query));

  app.get('/movements/:id', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'A movement with its passengers', params: IdParams, response: { 200: Movement, ...errors } },
  }, async (request) => getMovement(requireCtx(request), request.params.id));

  app.patch('/movements/:id', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Change a planned movement (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: MovementPatch, response: { 200: Movement, ...errors } },
  }, async (request) => updateMovement(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/movements/:id/passengers', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Put a booked case (and its members) on a planned movement', params: IdParams, body: PassengerInput, response: { 200: Movement, ...errors } },
  }, async (request) => addPassenger(requireCtx(request), request.params.id, request.body.returnCaseId));

  app.delete('/movements/:id/passengers/:returnCaseId', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Take a case off a planned movement', params: PassengerParams, response: { 200: Movement, ...errors } },
  }, async (request) => removePassenger(requireCtx(request), request.params.id, request.params.returnCaseId));

  app.post('/movements/:id/departure', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Confirm the departure, each passenger departed or no-show', params: IdParams, body: DepartureInput, response: { 200: Movement, ...errors } },
  }, async (request) => confirmDeparture(requireCtx(request), request.params.id, request.body));

  app.post('/movements/:id/arrival', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'Confirm the arrival (inbound: opens the reintegration cases)', params: IdParams, body: ArrivalConfirmation, response: { 200: Movement, ...errors } },
  }, async (request) => confirmArrival(requireCtx(request), request.params.id, request.body));

  app.get('/movements/:id/manifest.pdf', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'The printable manifest (audited)', params: IdParams, querystring: DownloadQuery, response: { 200: FileBody('PDF'), ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const lang = request.query.lang ?? 'fr';
    const manifest = await inTransaction(ctx.db, (tx) => readManifest(tx, ctx, request.params.id, 'pdf'));
    const bytes = await manifestPdf(manifest, lang, new Date());
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="manifest-${manifest.reference}.pdf"`).send(bytes);
  });

  app.get('/movements/:id/passengers.xlsx', {
    config: { access: { permission: 'movement.manage' } },
    schema: { tags, summary: 'The passenger list as a workbook (audited)', params: IdParams, querystring: DownloadQuery, response: { 200: FileBody('XLSX workbook'), ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const lang = request.query.lang ?? 'fr';
    const manifest = await inTransaction(ctx.db, (tx) => readManifest(tx, ctx, request.params.id, 'xlsx'));
    const bytes = await passengersXlsx(manifest, lang);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="passengers-${manifest.reference}.xlsx"`)
      .send(bytes);
  });
}

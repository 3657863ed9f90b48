// Routes: /audit and /audit/verify.
import { AuditPage, AuditQuery, AuditVerifyResult, ErrorBody } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { listAudit, verifyAudit } from './audit.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['audit'];

/** Registers the audit routes. */
export async function auditRoutes(app: App): Promise<void> {
  app.get('/audit', {
    config: { access: { permission: 'audit.read' } },
    schema: { tags, summary: 'The audit trail, newest first (filter by recordId, actor, action, dates)', querystring: AuditQuery, response: { 200: AuditPage, ...errors } },
  }, async (request) => listAudit(requireCtx(request), request.query));

  app.post('/audit/verify', {
    config: { access: { permission: 'audit.verify' } },
    schema: { tags, summary: 'Recompute the hash chain and report the first broken entry', response: { 200: AuditVerifyResult, ...errors } },
  }, async (request) => verifyAudit(requireCtx(request)));
}

// The reintegration screens against a scripted API: the plan builder's budget bar blocking an
// over-ceiling plan and sending the plan, the status buttons, four-eyes approval, the share editor's
// sums and equal split, and the RSS survey skipping a question that does not apply.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssistanceItem, ReintegrationCase, RssInstrument } from '@taama/core';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { summary } from '../registry/testData';

// Pages are loaded on demand: the first one of a test may take a while on a busy machine.
const SLOW = { timeout: 8000 };
const OFFICER = makeMe(['person.read', 'reintegrationCase.read', 'reintegrationCase.create', 'reintegrationCase.update', 'reintegrationCase.approve', 'reference.read']);
const AUTH = { status: 'authenticated', me: OFFICER } as const;
const CASE_ID = '01930000-0000-7000-8000-000000000501';
const OTHER = { id: '01930000-0000-7000-8000-000000000099', displayName: 'Oumar Diarra' };
const STAMP = { version: 3, createdAt: '2025-03-02T09:00:00.000Z', updatedAt: '2025-03-02T09:00:00.000Z' };

function item(overrides: Partial<AssistanceItem> = {}): AssistanceItem {
  return {
    id: '01930000-0000-7000-8000-000000000601',
    reintegrationCaseId: CASE_ID,
    dimension: 'economic',
    level: 'individual',
    type: 'business_startup',
    mode: 'direct',
    provider: null,
    inKind: true,
    plannedXof: 800_000,
    actualXof: null,
    apportionedXof: null,
    disbursedXof: 0,
    description: null,
    projectId: null,
    status: 'approved',
    approvedOn: '2025-04-01',
    deliveredOn: null,
    cancelledOn: null,
    instalments: [],
    certificate: null,
    createdBy: null,
    updatedBy: null,
    ...STAMP,
    ...overrides,
  } as AssistanceItem;
}

function reintegrationCase(overrides: Partial<ReintegrationCase> = {}): ReintegrationCase {
  return {
    id: CASE_ID,
    caseNumber: 'ML-KAY-RI-2025-000012',
    status: 'counselled',
    person: summary(),
    regionPcode: 'ML01',
    counsellor: null,
    arrivedOn: '2025-03-01',
    planDueOn: '2025-03-31',
    planOverdue: false,
    nextVisitOn: null,
    visitOverdue: false,
    budgetPlannedXof: 0,
    budgetDisbursedXof: 0,
    latestRss: null,
    statusBefore: null,
    organisationId: '01930000-0000-7000-8000-0000000000a1',
    siteId: null,
    returnCaseId: null,
    arrivalId: null,
    referredToOrganisationId: null,
    referredFrom: null,
    openedOn: '2025-03-01',
    allowedTransitions: ['suspended', 'withdrawn', 'lost_contact'],
    assessments: [],
    plan: null,
    items: [],
    visits: [],
    rss: [],
    satisfaction: [],
    events: [],
    abilities: { update: true, approvePlan: true, transition: true },
    ...STAMP,
    ...overrides,
  } as ReintegrationCase;
}

const BUDGET = { ceilingXof: 1_000_000, plannedXof: 0, disbursedXof: 0, remainingXof: 1_000_000, items: [] };

describe('the plan builder', () => {
  it('turns the budget bar red and blocks submission over the ceiling, then sends the plan and submits it', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/reintegration-cases/${CASE_ID}`) return { body: reintegrationCase() };
      if (path === `/api/v1/reintegration-cases/${CASE_ID}/budget`) return { body: BUDGET };
      if (method === 'PUT' && path.endsWith('/plan')) return { body: { id: 'p', status: 'draft', goals: [] } };
      if (method === 'POST' && path.endsWith('/plan/submit')) return { body: { id: 'p', status: 'submitted', goals: [] } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/reintegration/cases/${CASE_ID}?tab=plan`, auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: /ML-KAY-RI-2025-000012/ }, SLOW)).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Objectif 1'), { target: { value: 'Ouvrir un atelier de couture' } });
    const submit = screen.getByRole('button', { name: 'Soumettre pour approbation' });
    expect(submit).toHaveProperty('disabled', true); // nothing planned yet

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une assistance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une assistance' }));
    const first = screen.getByRole('group', { name: "Élément d'assistance 1" });
    const second = screen.getByRole('group', { name: "Élément d'assistance 2" });
    fireEvent.change(within(second).getByLabelText('Dimension'), { target: { value: 'social' } });
    fireEvent.change(within(second).getByLabelText('Type'), { target: { value: 'housing' } });
    fireEvent.change(within(first).getByLabelText('Montant prévu (F CFA)'), { target: { value: '400000' } });
    fireEvent.change(within(second).getByLabelText('Montant prévu (F CFA)'), { target: { value: '700000' } });
    const bar = screen.getByTestId('budget-bar');
    await waitFor(() => expect(bar.getAttribute('data-over')).toBe('true'));
    expect(within(bar).getByText(/Dépassement/)).toBeTruthy();
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByRole('alert').textContent).toMatch(/dépasse le plafond/);

    fireEvent.change(within(second).getByLabelText('Montant prévu (F CFA)'), { target: { value: '500000' } });
    await waitFor(() => expect(bar.getAttribute('data-over')).toBe('false'));
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/plan/submit'))).toBe(true));
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({
      goals: ['Ouvrir un atelier de couture'],
      items: [
        { dimension: 'economic', level: 'individual', type: 'business_startup', mode: 'direct', inKind: true, plannedXof: 400_000 },
        { dimension: 'social', level: 'individual', type: 'housing', mode: 'direct', inKind: true, plannedXof: 500_000 },
      ],
    });
  }, 30_000);

  it('offers approval to a second officer only, never to the one who submitted', async () => {
    const submitted = { id: 'p', status: 'submitted', goals: ['Atelier'], submittedAt: '2025-03-10T10:00:00.000Z', approvedAt: null, approvedBy: null, returnedNote: null, ...STAMP };
    let submitter = OTHER;
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/reintegration-cases/${CASE_ID}`) return { body: reintegrationCase({ plan: { ...submitted, submittedBy: submitter } as ReintegrationCase['plan'], items: [item({ status: 'planned' })] }) };
      if (path.endsWith('/budget')) return { body: BUDGET };
      if (method === 'POST' && path.endsWith('/plan/approve')) return { body: { ...submitted, status: 'approved' } };
      return undefined;
    });
    const view = renderWithApp(<AppRoutes />, { route: `/reintegration/cases/${CASE_ID}?tab=plan`, auth: AUTH });
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver le plan' }, SLOW));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/plan/approve'))).toBe(true));
    view.unmount();

    submitter = { id: OFFICER.id, displayName: OFFICER.displayName };
    renderWithApp(<AppRoutes />, { route: `/reintegration/cases/${CASE_ID}?tab=plan`, auth: AUTH });
    expect(await screen.findByText(/un·e autre collègue doit l'approuver/, undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver le plan' })).toBeNull();
  }, 30_000);
});

describe('the status buttons', () => {
  it('hide completion while an item is undelivered and send the move chosen with its note', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/reintegration-cases/${CASE_ID}`) return { body: reintegrationCase({ status: 'in_progress', allowedTransitions: ['completed', 'suspended', 'withdrawn', 'lost_contact'], items: [item()] }) };
      if (method === 'POST' && path.endsWith('/transitions')) return { body: reintegrationCase({ status: 'suspended' }) };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/reintegration/cases/${CASE_ID}`, auth: AUTH });
    const suspend = await screen.findByRole('button', { name: 'Suspendre' }, SLOW);
    expect(screen.queryByRole('button', { name: 'Clôturer : terminé' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Contact perdu' })).toBeTruthy();
    fireEvent.click(suspend);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Note (facultative)'), { target: { value: 'Parti en saison des pluies' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'suspended', note: 'Parti en saison des pluies' }));
  }, 30_000);
});

describe('the share editor', () => {
  it('shows the total, splits equally to 100 % and apportions the budget', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/reintegration/projects/new', auth: AUTH });
    fireEvent.change(await screen.findByLabelText(/Budget \(F CFA\)/, undefined, SLOW), { target: { value: '1000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un bénéficiaire' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un bénéficiaire' }));
    fireEvent.change(screen.getByLabelText('Part du bénéficiaire 1'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Part du bénéficiaire 2'), { target: { value: '30' } });
    await waitFor(() => expect(screen.getByTestId('share-total').textContent).toBe('80 %'));
    expect(screen.getByText('Les parts doivent être positives et totaliser 100 %.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Parts égales' }));
    await waitFor(() => expect(screen.getByTestId('share-total').textContent).toBe('100 %'));
    expect(screen.queryByText('Les parts doivent être positives et totaliser 100 %.')).toBeNull();
    const editor = screen.getByTestId('share-editor');
    // 33.34 % of 1,000,000 to the first, 33.33 % to the others.
    expect(within(editor).getAllByText(/333\s400/).length).toBe(1);
    expect(within(editor).getAllByText(/333\s300/).length).toBe(2);
  }, 30_000);
});

const INSTRUMENT: RssInstrument & { createdAt?: string } = {
  version: 'test-1',
  status: 'unverified',
  minAnsweredShare: 0,
  items: [
    { code: 'able_to_stay', dimension: 'psychosocial', weight: 0.5, compositeWeight: 0.5, missingScore: 0.5, label: { fr: 'Pouvez-vous rester ?', en: 'Can you stay?' }, options: [{ value: 'yes', score: 1, label: { fr: 'Oui', en: 'Yes' } }, { value: 'no', score: 0, label: { fr: 'Non', en: 'No' } }] },
    { code: 'leave_wish_or_need', dimension: 'psychosocial', weight: 0.5, compositeWeight: 0.5, label: { fr: 'Souhait ou besoin de partir ?', en: 'Wish or need to leave?' }, askIf: { item: 'able_to_stay', in: ['no'] }, options: [{ value: 'wish', score: 1, label: { fr: 'Souhait', en: 'Wish' } }, { value: 'need', score: 0, label: { fr: 'Besoin', en: 'Need' } }] },
  ],
};

describe('the RSS survey', () => {
  it('asks a follow-up question only when it applies and shows the scores the server returns', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/reintegration-cases/${CASE_ID}`) return { body: reintegrationCase() };
      if (path === '/api/v1/rss/instruments') return { body: { items: [{ version: 'test-1', status: 'unverified', inUse: false, createdAt: '2025-01-01T00:00:00.000Z', itemCount: 2, bands: null }] } };
      if (path === '/api/v1/rss/instruments/test-1') return { body: INSTRUMENT };
      if (method === 'POST' && path.endsWith('/rss')) {
        return { status: 201, body: { id: 'r', round: 'followup', instrumentVersion: 'test-1', surveyedOn: '2025-06-01', scores: { economic: null, social: null, psychosocial: 1, composite: 0.75 }, complete: false, band: 'high', createdAt: '2025-06-01T00:00:00.000Z' } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/reintegration/cases/${CASE_ID}/rss?round=followup`, auth: AUTH });
    expect(await screen.findByText('Pouvez-vous rester ?', undefined, SLOW)).toBeTruthy();
    expect(screen.getAllByTestId('rss-unverified').length).toBeGreaterThan(0);
    expect(screen.getByText('0 réponses sur 1 questions')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Oui' }));
    // "Yes": the follow-up question does not apply and the survey ends.
    expect(await screen.findByText('Fin du questionnaire')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Question précédente' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Non' }));
    expect(await screen.findByText('Souhait ou besoin de partir ?')).toBeTruthy();
    expect(screen.getByText('1 réponses sur 2 questions')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Souhait' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Calculer et enregistrer' }));
    const scores = await screen.findByTestId('rss-scores');
    expect(within(scores).getByText('0,75')).toBeTruthy();
    expect(within(scores).getByText('Élevée', { exact: false })).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ round: 'followup', instrumentVersion: 'test-1', answers: { able_to_stay: 'no', leave_wish_or_need: 'wish' } });
  }, 30_000);
});

describe('the caseload', () => {
  it('reads its filters from the URL (the dashboard links) and flags overdue plans', async () => {
    const requests = mockFetch(({ path }) => {
      if (path === '/api/v1/reintegration-cases') {
        const { allowedTransitions: _a, assessments: _b, plan: _c, items: _d, visits: _e, rss: _f, satisfaction: _g, events: _h, abilities: _i, ...row } = reintegrationCase({ planOverdue: true });
        return { body: { items: [row], nextCursor: null } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/reintegration/cases?status=counselled&overduePlan=true', auth: AUTH });
    expect(await screen.findByRole('link', { name: 'ML-KAY-RI-2025-000012' }, SLOW)).toBeTruthy();
    const list = requests.find((r) => r.path === '/api/v1/reintegration-cases');
    expect(list?.search.get('status')).toBe('counselled');
    expect(list?.search.get('overduePlan')).toBe('true');
    expect(screen.getAllByText('en retard').length).toBeGreaterThan(0);
    expect(screen.getByRole('checkbox', { name: 'Plan en retard' })).toHaveProperty('checked', true);
  }, 30_000);
});

describe('the RSS instrument manager', () => {
  it('is reached by an administrator from the administration menu, without the reintegration area', async () => {
    const admin = makeMe(['user.read', 'role.read', 'rssInstrument.manage']);
    expect(admin.areas).not.toContain('reintegration');
    mockFetch(({ path }) => {
      if (path === '/api/v1/rss/instruments') return { body: { items: [{ version: 'test-1', status: 'unverified', inUse: false, createdAt: '2025-01-01T00:00:00.000Z', itemCount: 2, bands: null }] } };
      if (path === '/api/v1/users') return { body: { items: [], nextCursor: null } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/admin/roles', auth: { status: 'authenticated', me: admin } });
    const entry = await screen.findByRole('link', { name: 'Instruments RSS' }, SLOW);
    expect(entry.getAttribute('href')).toBe('/reintegration/instruments');
    fireEvent.click(entry);
    expect(await screen.findByText('test-1', undefined, SLOW)).toBeTruthy();
  }, 30_000);
});

describe('the caseload behind the dashboard charts', () => {
  it('sends the assistance type and the latest composite range of the URL, and clears the range', async () => {
    const requests = mockFetch(({ path }) => (path === '/api/v1/reintegration-cases' ? { body: { items: [], nextCursor: null } } : undefined));
    renderWithApp(<AppRoutes />, { route: '/reintegration/cases?assistanceType=business_startup&composite=0.3-0.4', auth: AUTH });
    const range = await screen.findByRole('checkbox', { name: 'Dernier score composite RSS de 0.3 à 0.4' }, SLOW);
    const first = requests.find((r) => r.path === '/api/v1/reintegration-cases');
    expect(first?.search.get('assistanceType')).toBe('business_startup');
    expect(first?.search.get('compositeMin')).toBe('0.3');
    expect(first?.search.get('compositeMax')).toBe('0.4');
    fireEvent.click(range);
    await waitFor(() => {
      const last = requests.filter((r) => r.path === '/api/v1/reintegration-cases').at(-1);
      expect(last?.search.get('compositeMin')).toBeNull();
      expect(last?.search.get('compositeMax')).toBeNull();
      expect(last?.search.get('assistanceType')).toBe('business_startup');
    });
  }, 30_000);
});

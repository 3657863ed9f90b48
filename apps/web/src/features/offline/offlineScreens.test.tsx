// The pending-changes and conflict screens over a real (in-memory) encrypted device store.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { enqueue } from '../../offline/outbox';
import { current, startOnline, wipeDevice } from '../../offline/session';
import { freshIndexedDb } from '../../offline/testing';

const me = makeMe(['person.read', 'person.create', 'person.update', 'sync.use'], { username: 'caseworker.gao' });

async function seed() {
  await startOnline(me, 'pw');
  const session = current();
  if (!session) throw new Error('not started');
  const { vault } = session;
  const rejected = await enqueue(vault, { type: 'service.create', record: { id: 's1', type: 'food', transitCaseId: 'c1' }, label: 'Repas' });
  await vault.putOutbox({ ...rejected, status: 'rejected', error: { code: 'validation_failed', message: 'Le service est invalide', fields: { date: 'date dans le futur' } } });
  await vault.put({ entity: 'person', id: 'p1', version: 2, record: { id: 'p1', givenName: 'Awa', birthPlace: 'Gao', phones: [] }, pending: { birthPlace: 'Kidal', phones: ['+22370000001'] } });
  const conflicted = await enqueue(vault, { type: 'person.update', record: { id: 'p1', birthPlace: 'Kidal', phones: ['+22370000001'] }, baseVersion: 2, base: { birthPlace: 'Gao', phones: [] }, label: 'Awa Maïga' });
  await vault.putOutbox({
    ...conflicted,
    status: 'conflict',
    conflict: { fields: [{ field: 'birthPlace', base: 'Gao', mine: 'Kidal', theirs: 'Ménaka' }], serverRecord: { id: 'p1', version: 3, givenName: 'Awa', birthPlace: 'Ménaka', phones: [] } },
  });
  await session.engine.refreshCounts();
  return { vault, conflicted };
}

describe('offline screens', () => {
  beforeAll(() => freshIndexedDb());
  afterEach(async () => {
    await wipeDevice();
  });

  it('lists pending changes with the server reasons and discards one after confirmation', async () => {
    mockFetch(() => undefined);
    const { vault } = await seed();
    renderWithApp(<AppRoutes />, { route: '/offline', auth: { status: 'authenticated', me } });
    const table = await screen.findByTestId('pending-table');
    const row = within(table).getByText('Repas').closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('Le service est invalide')).toBeTruthy();
    expect(within(row).getByText('date')).toBeTruthy();
    expect(within(row).getByText('Refusée')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Résoudre' })).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: 'Abandonner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abandonner la modification ?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Abandonner' }));
    await waitFor(async () => expect((await vault.outbox()).map((e) => e.label)).toEqual(['Awa Maïga']));
  });

  it('resolves a conflict field by field as a new update on the server version', async () => {
    mockFetch(() => undefined);
    const { vault, conflicted } = await seed();
    renderWithApp(<AppRoutes />, { route: `/offline/conflicts/${conflicted.change.idempotencyKey}`, auth: { status: 'authenticated', me } });
    expect(await screen.findByTestId('mine-birthPlace')).toHaveProperty('textContent', 'Kidal');
    expect(screen.getByTestId('theirs-birthPlace')).toHaveProperty('textContent', 'Ménaka');
    const row = screen.getByRole('row', { name: /Lieu de naissance/ });
    await userEvent.click(within(row).getByRole('radio', { name: 'La mienne' }));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mes choix' }));
    await waitFor(async () => {
      const updates = (await vault.outbox()).filter((e) => e.change.type === 'person.update');
      expect(updates).toHaveLength(1);
      // The edit not in conflict (phones) goes along; the base is the server's version now.
      expect(updates[0]?.change).toMatchObject({ baseVersion: 3, record: { id: 'p1', birthPlace: 'Kidal', phones: ['+22370000001'] }, base: { birthPlace: 'Ménaka', phones: [] } });
      expect(updates[0]?.change.idempotencyKey).not.toBe(conflicted.change.idempotencyKey);
      expect(updates[0]?.status).toBe('pending');
    });
    expect(vault.get('person', 'p1')).toMatchObject({ version: 3, record: { birthPlace: 'Ménaka' }, pending: { birthPlace: 'Kidal' } });
  });
});

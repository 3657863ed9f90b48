// The permission matrix groups codes by resource and ticks a whole resource at once.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { groupByResource, PermissionMatrix } from './PermissionMatrix';
import { mockFetch, renderWithApp } from '../../../test/helpers';

const PERMISSIONS = [
  { code: 'person.read', resource: 'person', action: 'read' },
  { code: 'person.create', resource: 'person', action: 'create' },
  { code: 'user.read', resource: 'user', action: 'read' },
];

describe('PermissionMatrix', () => {
  it('groups permissions by resource in the server order', () => {
    expect(groupByResource(PERMISSIONS).map((g) => [g.resource, g.items.length])).toEqual([
      ['person', 2],
      ['user', 1],
    ]);
  });

  it('labels each box and ticks a whole resource', () => {
    mockFetch(() => undefined);
    const onChange = vi.fn();
    renderWithApp(<PermissionMatrix permissions={PERMISSIONS} value={['user.read']} onChange={onChange} />, { auth: { status: 'anonymous' } });
    const people = screen.getByRole('group', { name: 'Personnes' });
    expect(within(people).getByRole('checkbox', { name: 'Consulter les personnes' })).toHaveProperty('checked', false);
    expect(screen.getByRole('checkbox', { name: 'Consulter les utilisateurs' })).toHaveProperty('checked', true);
    fireEvent.click(within(people).getByRole('checkbox', { name: 'Tout cocher pour Personnes' }));
    expect(onChange).toHaveBeenCalledWith(['person.read', 'person.create', 'user.read']);
  });
});

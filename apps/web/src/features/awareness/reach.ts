// The reach an activity form records: counted by sex × age (the total must add up), or estimated for
// mass media; and the counts a named participant list implies. Pure, so the rules are tested alone.
import { allowsCounted, allowsEstimate, type ActivityType, type CountedReach, type EstimatedReach, type ParticipantInput } from './types';

/** The counted cells of the reach grid. */
export const REACH_CELLS = ['men', 'women', 'boys', 'girls'] as const;
export type ReachCell = (typeof REACH_CELLS)[number];

/** The grid as the form holds it: an empty cell is '' until typed. */
export type ReachGrid = Record<ReachCell | 'total', number | ''>;

/** How an activity's reach may be recorded. */
export type ReachMode = 'counted' | 'estimate';

/** The modes an activity type allows: mass media estimates; screenings and caravans either; others count. */
export function reachModes(type: ActivityType): readonly ReachMode[] {
  const modes: ReachMode[] = [];
  if (allowsCounted(type)) modes.push('counted');
  if (allowsEstimate(type)) modes.push('estimate');
  return modes;
}

/** The sum of the four cells (empty cells count as 0). */
export function cellsSum(grid: ReachGrid): number {
  return REACH_CELLS.reduce((sum, cell) => sum + (grid[cell] === '' ? 0 : grid[cell]), 0);
}

/** What is wrong with a counted grid, by field: negative or fractional cells, a total that does not add up. */
export function reachErrors(grid: ReachGrid): Partial<Record<ReachCell | 'total', 'integer' | 'mismatch' | 'required'>> {
  const errors: Partial<Record<ReachCell | 'total', 'integer' | 'mismatch' | 'required'>> = {};
  for (const cell of [...REACH_CELLS, 'total'] as const) {
    const value = grid[cell];
    if (value !== '' && (!Number.isInteger(value) || value < 0)) errors[cell] = 'integer';
  }
  if (errors.total) return errors;
  if (grid.total === '') errors.total = 'required';
  else if (grid.total !== cellsSum(grid)) errors.total = 'mismatch';
  return errors;
}

/** The reach the API takes from the form. */
export function reachInput(mode: ReachMode, grid: ReachGrid, estimate: number | ''): CountedReach | EstimatedReach {
  if (mode === 'estimate') return { estimatedAudience: estimate === '' ? 0 : estimate };
  const n = (value: number | '') => (value === '' ? 0 : value);
  return { total: n(grid.total), men: n(grid.men), women: n(grid.women), boys: n(grid.boys), girls: n(grid.girls) };
}

/** The grid of a participant list: men, women, boys and girls by sex and age group. */
export function gridOfParticipants(participants: readonly Pick<ParticipantInput, 'sex' | 'ageGroup'>[]): CountedReach {
  const grid = { total: 0, men: 0, women: 0, boys: 0, girls: 0 };
  for (const p of participants) {
    grid.total += 1;
    if (p.ageGroup === 'adult') grid[p.sex === 'male' ? 'men' : 'women'] += 1;
    else grid[p.sex === 'male' ? 'boys' : 'girls'] += 1;
  }
  return grid;
}

/** The cells where a participant list and the counted reach disagree (a list must match the reach). */
export function listMismatch(reach: CountedReach, participants: readonly Pick<ParticipantInput, 'sex' | 'ageGroup'>[]): ReachCell[] {
  const fromList = gridOfParticipants(participants);
  return REACH_CELLS.filter((cell) => fromList[cell] !== reach[cell]);
}

/** How an activity's reach reads in a list: the head count, or "≈ audience" for an estimate. */
export function reachOf(activity: { reached: CountedReach | null; estimatedAudience: number | null }): { counted: number | null; estimated: number | null } {
  return { counted: activity.reached?.total ?? null, estimated: activity.reached ? null : activity.estimatedAudience };
}

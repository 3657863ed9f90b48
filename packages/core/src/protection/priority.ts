// Derived priority of a vulnerability screening (SPEC §5). The rules are configuration.
import type { FactorLevel, Priority, VulnerabilityFlag } from './codes';

export interface PriorityRules {
  /** Any of these flags makes the case high priority. */
  high: readonly VulnerabilityFlag[];
  /** Any of these flags makes it at least medium. */
  medium: readonly VulnerabilityFlag[];
  /** Risk factors (all levels) net of protective factors from which the case is at least medium. */
  mediumFromNetRisk: number;
  /** Net risk from which the case is high, whatever its flags. */
  highFromNetRisk: number;
}

export const DEFAULT_PRIORITY_RULES: PriorityRules = {
  high: ['unaccompanied_child', 'separated_child', 'victim_of_trafficking', 'gbv_survivor'],
  medium: ['medical_needs', 'disability', 'elderly', 'pregnant', 'single_parent', 'victim_of_violence_in_transit', 'mental_health'],
  mediumFromNetRisk: 3,
  highFromNetRisk: 7,
};

export type Factors = Partial<Record<FactorLevel, readonly string[]>>;

export interface ScreeningForPriority {
  flags: readonly VulnerabilityFlag[];
  riskFactors?: Factors;
  protectiveFactors?: Factors;
}

function countFactors(factors: Factors | undefined): number {
  return Object.values(factors ?? {}).reduce((n, list) => n + (list?.length ?? 0), 0);
}

/** The priority a screening leads to, and the rule that decided it. */
export function derivePriority(screening: ScreeningForPriority, rules: PriorityRules = DEFAULT_PRIORITY_RULES): { priority: Priority; because: string } {
  const highFlag = screening.flags.find((f) => rules.high.includes(f));
  if (highFlag) return { priority: 'high', because: `flag:${highFlag}` };
  const netRisk = countFactors(screening.riskFactors) - countFactors(screening.protectiveFactors);
  if (netRisk >= rules.highFromNetRisk) return { priority: 'high', because: `net_risk:${netRisk}` };
  const mediumFlag = screening.flags.find((f) => rules.medium.includes(f));
  if (mediumFlag) return { priority: 'medium', because: `flag:${mediumFlag}` };
  if (netRisk >= rules.mediumFromNetRisk) return { priority: 'medium', because: `net_risk:${netRisk}` };
  return { priority: 'low', because: 'none' };
}

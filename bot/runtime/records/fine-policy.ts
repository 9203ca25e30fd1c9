/** The company fine rule as data: base amount within a window, a step per started period after it, a cap. */
export interface FinePolicy {
  /** Yuan owed when settled within `windowMs`. */
  base: number
  windowMs: number
  /** Yuan added for each started `stepMs` after the window. */
  step: number
  stepMs: number
  cap: number
}

/** Default: 5 yuan within 2 hours, +5 for each further hour started, at most 50. */
export const DEFAULT_FINE_POLICY: FinePolicy = { base: 5, windowMs: 2 * 3_600_000, step: 5, stepMs: 3_600_000, cap: 50 }

/** Yuan owed for a violation at `since` if settled at `now`. */
export function fineOwed(policy: FinePolicy, since: number, now: number): number {
  const late = now - since - policy.windowMs
  if (late <= 0) return policy.base
  return Math.min(policy.cap, policy.base + policy.step * Math.ceil(late / policy.stepMs))
}

/**
 * Facts are what one plugin tells the others, typed, instead of reading their records by name.
 * A plugin declares the facts it emits by augmenting {@link Facts} next to its code:
 *
 * ```ts
 * declare module '../../bot/core/facts.js' {
 *   interface Facts { 'case.captured': { caseId: string; groupId: string; outcome?: string } }
 * }
 * ```
 *
 * and emits one with the `emit` action (`emit('case.captured', {...})`). The runtime hands each fact to
 * every other plugin's `onFact` right after the emitting plugin's actions are performed, in the same turn
 * of the event queue; facts pass in observe mode too (they are records, not messages).
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by plugins (declaration merging)
export interface Facts {}

/** The name of a declared fact. */
export type FactName = keyof Facts

/** One fact: its name and its data, as declared in {@link Facts}. */
export type Fact = { [K in FactName]: { name: K; data: Facts[K] } }[FactName]

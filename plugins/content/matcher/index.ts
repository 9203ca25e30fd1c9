/** Banned-content matcher: dictionary loading, one-pass normalised matching, link checks. */
export { compileMatcher } from './compile.js'
export { MatcherCache } from './matcher-cache.js'
export {
  DictionaryError,
  problemCount,
  problemText,
  problemsOf,
  type DictionaryProblem,
  type DictionaryProblemCode,
} from './dictionary-error.js'
export {
  newWarnings,
  warningText,
  type DictionaryWarning,
  type DictionaryWarningCode,
} from './dictionary-warning.js'
export { loadDictionaryFiles, type LoadedDictionary } from './dictionary-loader.js'
export { findUrls, type FoundUrl } from './links.js'
export { DEFAULT_EXPANSIONS, EXPANSION_KINDS, type ExpansionKind } from './expand.js'
export { MATCH_KIND_LABEL, describeMatchKind } from './match-kind.js'
export { withoutNestedHits } from './nested-hits.js'
export type { CategoryRule, Dictionary, LinkRule, Match, MatchKind, Matcher, Severity } from './types.js'

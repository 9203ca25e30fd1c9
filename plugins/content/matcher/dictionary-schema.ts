import { z } from 'zod'

/** Category keys appear in reports and logs: keep them simple. */
const CATEGORY_KEY = /^[A-Za-z0-9_-]+$/
const categoryKey = z
  .string()
  .regex(CATEGORY_KEY, '类别名只能用英文字母、数字、_ 和 -（use only letters, digits, "_" and "-"）')
const severity = z.enum(['low', 'medium', 'high'])
/** Ways of writing a term a category can expand into (see expand.ts). */
const expansionKind = z.enum(['pinyin', 'initials', 'homophone', 'toneless', 'split', 'lookalike'])
/** How a hit was found, for `act` (see types.ts MatchKind). */
const matchKind = z.enum([
  'exact',
  'normalised',
  'pinyin',
  'initials',
  'homophone',
  'toneless',
  'split',
  'lookalike',
  'pattern',
])
/** A list that may also be left empty in YAML (`allow:`). */
const stringList = z.array(z.string()).nullish()

/** One category in a dictionary file; label and severity may come from another file. */
export const categorySchema = z.strictObject({
  label: z.string().min(1).optional(),
  severity: severity.optional(),
  terms: stringList,
  allow: stringList,
  patterns: stringList,
  /** Expansions of this category's terms; default pinyin, homophone, split, lookalike ([] for none). */
  expand: z.array(expansionKind).nullish(),
  /** Kinds of hit that act (warn, strike...); other kinds only go to the admins for review. */
  act: z.array(matchKind).nullish(),
  /** Words that confirm an initials hit (`SSC 五分钟一期`); without one in the message it is no hit. */
  context: stringList,
  /**
   * Terms that are hits only with a word of slang_context a few characters away: slang with an everyday
   * sense (菠菜 beside 平台 or 注册, not at lunch). They expand as terms do.
   */
  slang: stringList,
  /**
   * Terms, slang and allowed phrases of earlier files (the shipped dictionary) that this company does not want:
   * they are dropped from the merged category (`#词库 删除` writes here for a shipped word).
   */
  disable: stringList,
  /** Words that confirm a slang hit of this category nearby (never a hit themselves; initials ignore them). */
  slang_context: stringList,
})

/** The links section of a dictionary file. */
export const linksSchema = z.strictObject({
  category: categoryKey.optional(),
  label: z.string().min(1).optional(),
  severity: severity.optional(),
  allow_domains: stringList,
})

/**
 * The top level of a dictionary file, ignoring unknown keys. Categories and links are checked one by
 * one with categorySchema and linksSchema, so that one bad part does not hide the problems of others.
 */
export const dictionaryFileSchema = z.object({
  version: z.literal(1).optional(),
  categories: z.record(categoryKey, z.unknown()).nullish(),
  links: z.unknown().optional(),
})

/** The top level of a dictionary file, where unknown keys are errors. */
export const strictDictionaryFileSchema = dictionaryFileSchema.strict()

/** One category of a dictionary file. */
export type CategoryEntry = z.infer<typeof categorySchema>
/** The links section of a dictionary file. */
export type LinksEntry = z.infer<typeof linksSchema>

import { z } from 'zod'
import { docSpec } from '../../bot/ports/store/store.js'

/** The deal tag: these cases feed the digest's "what worked". */
export const DEAL_TAG = '成交'
/** The problem tag: these cases feed the digest's recurring terms, and their first line ranks as a heading. */
export const PROBLEM_TAG = '问题'

/** An image attached to a case: the message that carried it (the bot does not download media). */
export interface CaseImage {
  messageId: string
  fileName?: string
  at: number
}

/** One shared case as stored. Withdrawn and deleted cases keep only a tombstone (content erased). */
export interface CaseRecord {
  /** `C` + sequence number, e.g. `C12`. */
  id: string
  seq: number
  /** Capture tag without `#`, e.g. `成交`. */
  tag: string
  authorId: string
  /** Display name at capture time (roster name, group nickname or WeChat name). */
  author: string
  groupId?: string
  /** Group topic; undefined for a private chat with the bot. */
  groupTopic?: string
  at: number
  /** Everything after the tag, whole. */
  text: string
  /** Template fields found in `text`, e.g. `{ 客户: '刘总', 产品: '净水器' }`. */
  fields: Record<string, string>
  /** The title line: first free line, or built from the customer/industry/product/amount fields. */
  title: string
  images: CaseImage[]
  editedAt?: number
  status?: 'withdrawn' | 'deleted'
  removedAt?: number
  removedBy?: string
}

/** A case before it has an id. */
export type NewCase = Omit<CaseRecord, 'id' | 'seq'>

/** The `cases-meta` document's data. */
export interface CasesMeta {
  seq: number
  months: string[]
}
/** A `cases-YYYY-MM` document's data. */
export interface CasesShard {
  cases: CaseRecord[]
}

/** `cases-meta`: the last sequence number and the months. Derived data: the shards are the truth. */
export const CASES_META_DOC = docSpec<CasesMeta>({
  version: 1,
  schema: z.object({ seq: z.number().int().nonnegative(), months: z.array(z.string()) }),
  defaults: () => ({ seq: 0, months: [] }),
})

/** `cases-YYYY-MM` (durable): the cases captured in one month. */
export const CASES_SHARD_DOC = docSpec<CasesShard>({
  version: 1,
  schema: z.object({
    cases: z.array(
      z.looseObject({
        id: z.string(),
        seq: z.number().int().positive(),
        tag: z.string(),
        authorId: z.string(),
        at: z.number(),
        text: z.string(),
        fields: z.record(z.string(), z.string()),
        title: z.string(),
        images: z.array(z.looseObject({})),
      }),
    ),
  }),
  defaults: () => ({ cases: [] }),
  durable: true,
})

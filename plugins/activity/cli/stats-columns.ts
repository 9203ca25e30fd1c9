import { MESSAGE_KIND_LABEL } from '../../../bot/core/event.js'

/** The message kinds counted per member, in column order. */
export const KINDS = [
  'text',
  'image',
  'link',
  'file',
  'voice',
  'video',
  'emoticon',
  'miniprogram',
  'redpacket',
] as const

/**
 * The `stats --by member` CSV columns, in their stable order: each row's key (the JSON field and the `--headers en`
 * header) with its Chinese header, as the cases and archive CSVs head their columns.
 */
export const MEMBER_COLUMNS: readonly (readonly [string, string])[] = [
  ['day', '日期'],
  ['group_id', '群ID'],
  ['group', '群'],
  ['group_kind', '群类型'],
  ['member_id', '成员ID'],
  ['member', '成员'],
  ['staff', '员工'],
  ['messages', '消息数'],
  ['chars', '字数'],
  ...KINDS.map(k => [k, MESSAGE_KIND_LABEL[k]] as const),
  ['other', '其他'],
  ['first', '首条'],
  ['last', '末条'],
  ['answered', '回复客户次数'],
  ['response_median_min', '响应中位数（分钟）'],
  ['response_p90_min', '响应P90（分钟）'],
]

/** The `stats --by group` CSV columns, in their stable order (as {@link MEMBER_COLUMNS}). */
export const GROUP_COLUMNS: readonly (readonly [string, string])[] = [
  ['day', '日期'],
  ['group_id', '群ID'],
  ['group', '群'],
  ['group_kind', '群类型'],
  ['size', '群人数'],
  ['messages', '消息数'],
  ['active_members', '发言人数'],
  ['active_share', '发言占比（%）'],
  ['joined', '进群'],
  ['left', '退群'],
  ['answered', '回复客户次数'],
  ['response_median_min', '响应中位数（分钟）'],
  ['response_p90_min', '响应P90（分钟）'],
  ['unanswered', '未回复'],
  ['peak_hour', '高峰小时'],
]

const GROUP_KIND: Record<string, string> = { internal: '内部群', customer: '客户群', broadcast: '公告群' }

/** A cell as the Chinese CSV shows it: the group kind and staff in words (`客户群`, `是`/`否`), the rest as is. */
export function chineseCell(key: string, v: string | number | boolean): string | number {
  if (typeof v === 'boolean') return v ? '是' : '否'
  return key === 'group_kind' ? (GROUP_KIND[String(v)] ?? v) : v
}

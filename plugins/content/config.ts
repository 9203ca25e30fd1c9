import { isAbsolute, relative, resolve } from 'node:path'
import { z } from 'zod'
import { ROLES } from '../../bot/core/event.js'
import { shipped } from '../../bot/package-root.js'
import { duration } from '../../bot/config/duration.js'
import { globalOnly, resolveConfigPath } from '../../bot/config/fields.js'
import { type DictionaryProblem, loadDictionaryFiles, problemText, problemsOf } from './matcher/index.js'

const severity = z.enum(['low', 'medium', 'high'])
const step = z.enum(['record', 'warn', 'report', 'strike'])
const steps = z.array(step).min(1)

/** Whose messages a rule checks in one kind of group. */
export const scopeSchema = z.enum(['everyone', 'nonStaff', 'staff', 'nobody'])
/** Whose messages a rule checks: everyone, only non-staff (customers, strangers), only staff, or nobody. */
export type Scope = z.infer<typeof scopeSchema>

/**
 * Whose messages a category checks in one kind of group: a Scope, or `review`: everyone's, but a non-staff
 * member's hits only go to the admins (`#确认` / `#忽略`), and not when they answer staff (see scopedFindings);
 * or `outward`: everyone's, but a staff member's only when the message passes something on outside the staff
 * (`私发给客户`, `外传`: see assess/outward.ts).
 */
export const categoryScopeSchema = z.enum(['everyone', 'nonStaff', 'staff', 'nobody', 'review', 'outward'])
/** Whose messages a category checks, whose hits only go to the admins (`review`), whose only when passed on. */
export type CategoryScope = z.infer<typeof categoryScopeSchema>

/**
 * Whether `scope` covers a member who is (or is not) staff (`review` and `outward` cover everyone; a staff
 * member's `outward` hit is kept only when passed on, see scopedFindings).
 */
export function covers(scope: CategoryScope, isStaff: boolean): boolean {
  return (
    scope === 'everyone' ||
    scope === 'review' ||
    scope === 'outward' ||
    (scope === 'nonStaff' && !isStaff) ||
    (scope === 'staff' && isStaff)
  )
}

const byKind = <T extends z.ZodType>(
  value: T,
  d: { internal: z.input<T>; customer: z.input<T>; broadcast: z.input<T> },
) =>
  z
    .object({
      internal: value.prefault(d.internal),
      customer: value.prefault(d.customer),
      broadcast: value.prefault(d.broadcast),
    })
    .strict()
    .prefault({})

/** A scope outside internal groups, where posting a message is already passing it on: `outward` means nothing there. */
const outerScope = categoryScopeSchema.refine(
  scope => scope !== 'outward',
  'outward 只适用于内部群（internal）：在客户群和广播群里发出的消息本身就是外传，请用 everyone 或 nonStaff (outward is for internal groups only)',
)

/** A category's scope per group kind (`outward` only for internal groups). */
const scopeByKind = (d: {
  internal: z.input<typeof categoryScopeSchema>
  customer: z.input<typeof categoryScopeSchema>
  broadcast: z.input<typeof categoryScopeSchema>
}) =>
  z
    .object({
      internal: categoryScopeSchema.prefault(d.internal),
      customer: outerScope.prefault(d.customer),
      broadcast: outerScope.prefault(d.broadcast),
    })
    .strict()
    .prefault({})

/** Plugin-defined categories (not from the dictionary): message types, flood and off-topic. */
export const KIND_CATEGORIES = ['card', 'miniprogram', 'file', 'flood', 'offtopic'] as const
/** One plugin-defined category. */
export type KindCategory = (typeof KIND_CATEGORIES)[number]

const kindShape = (label: string, sev: z.infer<typeof severity>) => ({
  label: z
    .string()
    .min(1)
    .default(label)
    .describe('类别名称（出现在警告和报告中） Label shown in warnings and reports'),
  severity: severity.default(sev).describe('严重程度 low / medium / high'),
})
const kindRule = (label: string, sev: z.infer<typeof severity>) => z.object(kindShape(label, sev)).strict().prefault({})

const DEFAULT_EXTENSIONS = [
  'apk',
  'exe',
  'bat',
  'cmd',
  'com',
  'scr',
  'msi',
  'vbs',
  'js',
  'jar',
  'ps1',
  'sh',
  'pif',
  'hta',
  'dll',
  'ipa',
]

/** The shipped default dictionary (an absolute path, wherever the bot is started from). */
export const DEFAULT_DICTIONARY = shipped('data/dictionaries/default.yaml')

/** The shipped dictionary's name in config (`dictionaries`) and on the command line (`--dictionary`). */
export const BUILTIN_DEFAULT = 'builtin:default'

/**
 * A dictionary as named in config or with `--dictionary`: {@link BUILTIN_DEFAULT} is the shipped file wherever
 * the package is installed; another `builtin:` name is a problem (a string); any other name is a path, made
 * absolute by `path`.
 */
export function dictionaryFile(name: string, path: (p: string) => string): string | { problem: string } {
  if (name === BUILTIN_DEFAULT) return DEFAULT_DICTIONARY
  if (name.startsWith('builtin:'))
    return { problem: `没有自带词库 ${name}，自带的只有 ${BUILTIN_DEFAULT}（unknown built-in dictionary）` }
  return path(name)
}

/**
 * What the shipped dictionary would complete in dictionary files that failed to load without it: the shipped
 * categories that the problems say lack a label or severity (`category-incomplete`), and whether its top-level links
 * section would complete theirs (`links-incomplete`). Nothing when the shipped dictionary is listed, or when it
 * completes nothing: a company's own new category needs its own label and severity, and listing the shipped
 * dictionary would not fix that.
 */
export function shippedCompletes(
  files: string[],
  problems: readonly DictionaryProblem[],
): { categories: string[]; links: boolean } {
  const none = { categories: [], links: false }
  if (files.some(f => resolve(f) === DEFAULT_DICTIONARY)) return none
  const lacking = new Set(problems.flatMap(p => (p.code === 'category-incomplete' && p.category ? [p.category] : [])))
  const linksLacking = problems.some(p => p.code === 'links-incomplete')
  if (lacking.size === 0 && !linksLacking) return none
  const shipped = loadDictionaryFiles([DEFAULT_DICTIONARY]).dictionary
  return {
    categories: [...lacking].filter(key => Object.hasOwn(shipped.categories, key)),
    links: linksLacking && shipped.links !== null,
  }
}

/**
 * The hint after dictionary problems that listing the shipped dictionary first fixes ({@link shippedCompletes}),
 * naming what it completes, with the list to write (`list`); `''` when it fixes none of them.
 */
export function shippedFirstHint(files: string[], problems: readonly DictionaryProblem[], list: string): string {
  const { categories, links } = shippedCompletes(files, problems)
  if (categories.length === 0 && !links) return ''
  const keys = [...categories, ...(links ? ['links'] : [])]
  const named = [
    ...(categories.length > 0 ? [`类别 ${categories.join('、')}`] : []),
    ...(links ? ['顶层的 links 段'] : []),
  ].join(' 和')
  return (
    `提示：${named} 由自带词库定义（label、severity 等），公司词库只往里加内容，要把自带词库列在前面：${list}` +
    ` (hint: ${keys.join(', ')} get their label and severity from the shipped dictionary; list it first)`
  )
}

/** A path as written from `base`: relative when it is below it, else absolute. */
export function pathFrom(base: string, file: string): string {
  const shown = relative(base, file)
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown
}

/** Dictionary files must load: a broken dictionary is a config error (file:line listed), so the bot refuses to start. */
const dictionaryFiles = z
  .array(
    z
      .string()
      .min(1)
      .transform((name, ctx) => {
        const file = dictionaryFile(name, resolveConfigPath)
        if (typeof file === 'string') return file
        ctx.addIssue({ code: 'custom', message: file.problem })
        return z.NEVER
      }),
  )
  .min(1)
  .superRefine((paths, ctx) => {
    try {
      loadDictionaryFiles(paths)
    } catch (e) {
      const problems = problemsOf(e)
      // A line standing for several syntax errors says how many, for the count check-config prints.
      for (const p of problems)
        ctx.addIssue({ code: 'custom', message: problemText(p), ...(p.count ? { params: { count: p.count } } : {}) })
      // Paths in config are relative to the config file's folder (resolveConfigPath('.')).
      const dir = resolveConfigPath('.')
      const list = `dictionaries: [${[BUILTIN_DEFAULT, ...paths.map(f => pathFrom(dir, f))].join(', ')}]`
      const hint = shippedFirstHint(paths, problems, list)
      if (hint) ctx.addIssue({ code: 'custom', message: hint })
    }
  })

const template = (allowed: string[], fallback: string) =>
  z
    .string()
    .min(1)
    .superRefine((t, ctx) => {
      const bad = [...t.matchAll(/\{([^{}]*)\}/g)].map(m => m[1]).filter(k => !allowed.includes(k))
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `未知的占位符 {${bad.join('}, {')}}，可用：{${allowed.join('} {')}}（unknown placeholder）`,
        })
    })
    .default(fallback)

/** Config of the `content` plugin (global section; groups may override it, except `dictionaries`, `watch` and `flood` windows). */
export const contentConfigSchema = z
  .object({
    dictionaries: globalOnly(
      dictionaryFiles
        .prefault([BUILTIN_DEFAULT])
        .describe(
          '词库文件（相对于配置文件所在目录，按顺序合并；改动后自动重载；builtin:default 是自带词库，也是默认值） Dictionary YAML files, relative to the config file, merged in order, hot-reloaded; builtin:default is the shipped dictionary (the default)',
        ),
    ),
    watch: globalOnly(
      z.boolean().default(true).describe('监视词库文件，改动后自动重载 Reload dictionaries when a file changes'),
    ),
    exemptRoles: z
      .array(z.enum(ROLES))
      .default(['admin', 'leader'])
      .describe('不受检查的角色 Roles whose messages are not moderated'),
    exempt: z.array(z.string().min(1)).default([]).describe('不受检查的微信 ID Contact ids that are not moderated'),
    scope: z
      .object({
        link: scopeByKind({ internal: 'nonStaff', customer: 'everyone', broadcast: 'everyone' }),
        card: scopeByKind({ internal: 'nobody', customer: 'nonStaff', broadcast: 'nonStaff' }),
        miniprogram: scopeByKind({ internal: 'nobody', customer: 'nonStaff', broadcast: 'nonStaff' }),
        file: scopeByKind({ internal: 'everyone', customer: 'everyone', broadcast: 'everyone' }),
        flood: scopeByKind({ internal: 'nonStaff', customer: 'nonStaff', broadcast: 'nonStaff' }),
        offtopic: scopeByKind({ internal: 'nobody', customer: 'nobody', broadcast: 'nonStaff' }),
        // In a customer group the bot cannot tell a customer leaving their WeChat for the company from a stranger
        // drawing customers away: a non-staff member's hit goes to the admins (none when they answer staff).
        // Among staff, `私聊我` is how colleagues talk: only a non-staff member's is solicitation in an internal group.
        contact: scopeByKind({ internal: 'nonStaff', customer: 'review', broadcast: 'everyone' }),
        // A customer's angry words about the company are a complaint to answer (the service plugin's ticket), not a
        // rule to cite in front of other customers: their hits go to the admins; staff's are handled as before.
        defamation: scopeByKind({ internal: 'everyone', customer: 'review', broadcast: 'everyone' }),
        insult: scopeByKind({ internal: 'everyone', customer: 'review', broadcast: 'everyone' }),
        // Staff name confidential things among themselves (`提成比例例会上宣布`): in an internal group a staff
        // member's hit is a leak only when the message passes it on (`内部价格表我晚点私发给客户`).
        confidential: scopeByKind({ internal: 'outward', customer: 'everyone', broadcast: 'everyone' }),
      })
      .catchall(scopeByKind({ internal: 'everyone', customer: 'everyone', broadcast: 'everyone' }))
      .prefault({})
      .describe(
        '每个类别在各类群里检查谁的消息：everyone / nonStaff（非员工）/ staff（仅员工）/ nobody / review（员工照常处理；非员工的命中只交管理员确认，引用员工消息的回复不检查，只 @ 员工不算）/ outward（非员工照常；员工的命中只在消息往外传时才算，如「私发给客户」「外传」）；未列出的词库类别检查所有人 Per category and group kind, whose messages are checked (review: non-staff hits only go to the admins; outward: staff hits only when the message passes something on)',
      ),
    actions: z
      .object({
        low: byKind(steps, { internal: ['record'], customer: ['record'], broadcast: ['record'] }),
        medium: byKind(steps, {
          internal: ['warn', 'strike'],
          customer: ['warn', 'report', 'strike'],
          broadcast: ['warn', 'report', 'strike'],
        }),
        high: byKind(steps, {
          internal: ['warn', 'report', 'strike'],
          customer: ['warn', 'report', 'strike'],
          broadcast: ['warn', 'report', 'strike'],
        }),
      })
      .strict()
      .prefault({})
      .describe(
        '按严重程度和群类型的处理：record 只记录 / warn 群内@警告 / report 私聊报告管理员 / strike 记违规 Steps per severity and group kind',
      ),
    strikeTtl: duration({ positive: true })
      .prefault('30d')
      .describe('违规记录有效期（也是累计违规的统计期） How long a strike counts'),
    escalation: z
      .object({
        strikes: z
          .number()
          .int()
          .min(1)
          .default(3)
          .describe('有效违规达到几次时升级 Active strikes that trigger escalation'),
        remove: byKind(scopeSchema, { internal: 'nobody', customer: 'nonStaff', broadcast: 'nonStaff' }).describe(
          '升级时自动移出谁（需机器人是群主或管理员）；其余情况报告管理员处理 Who is removed automatically; otherwise admins are asked',
        ),
      })
      .strict()
      .prefault({}),
    incidentWindow: duration({ positive: true })
      .prefault('10m')
      .describe('同一成员在此时间内的同类违规合并为一次事件 Repeated offences within this window are one incident'),
    qrCodes: z
      .boolean()
      .default(false)
      .describe(
        '检查群里图片中的二维码：进群/加好友二维码和客户群里的其他二维码算广告，网址按链接白名单检查 Check group images for QR codes: invites (and, in customer groups, any other code) are ads; URLs are checked against the link allow-list',
      ),
    ignoredQuiet: globalOnly(
      duration({ positive: true })
        .prefault('24h')
        .describe(
          "#忽略 之后，同一成员再发同样的消息（文字相同），多久之内不再询问管理员 After #忽略, how long the same member's same message is not asked about again",
        ),
    ),
    suggestAllowAfter: globalOnly(
      z
        .number()
        .int()
        .min(0)
        .default(3)
        .describe(
          '同一处误报（同类别、同一可允许短语）被 #忽略 几次而未允许时，提醒管理员一次可以允许它；0 不提醒 Ignores of the same false hit without 允许 before the admins are told once how to stop it; 0: never',
        ),
    ),
    dryRunCategories: z
      .array(z.string().min(1))
      .default([])
      .describe('只观察不处理的类别（动作只记入审计） Categories that only record what would happen'),
    kinds: z
      .object({
        card: kindRule('推送名片', 'medium'),
        miniprogram: kindRule('推送小程序', 'medium'),
        file: z
          .object({
            ...kindShape('危险文件', 'high'),
            extensions: z
              .array(
                z
                  .string()
                  .min(1)
                  .transform(e => e.replace(/^\./, '').toLowerCase()),
              )
              .default(DEFAULT_EXTENSIONS)
              .describe('视为危险的文件扩展名 File extensions treated as dangerous'),
          })
          .strict()
          .prefault({}),
        flood: kindRule('刷屏', 'medium'),
        offtopic: kindRule('公告群无关发言', 'low'),
      })
      .strict()
      .prefault({})
      .describe('插件自带的类别：名片、小程序、文件、刷屏、公告群无关发言 Plugin-defined categories'),
    flood: globalOnly(
      z
        .object({
          maxMessages: z.number().int().min(2).default(10).describe('时间窗内最多几条消息 Messages allowed per window'),
          within: duration({ positive: true }).prefault('1m').describe('刷屏时间窗 Window for the message count'),
          repeatGroups: z
            .number()
            .int()
            .min(2)
            .default(3)
            .describe('同一段文字发到几个群算刷屏 Distinct groups for the same text'),
          repeatWithin: duration({ positive: true })
            .prefault('10m')
            .describe('跨群重复的时间窗 Window for repeated text'),
          minLength: z
            .number()
            .int()
            .min(1)
            .default(8)
            .describe('参与跨群重复判断的最短文字长度 Shortest text compared'),
          maxTracked: z
            .number()
            .int()
            .min(100)
            .default(10_000)
            .describe('内存中最多跟踪的成员数 Members tracked in memory'),
        })
        .strict()
        .prefault({})
        .describe('刷屏检测（全局设置） Flood control (global section only)'),
    ),
    rules: z
      .record(z.string(), z.string().min(1))
      .default({})
      .describe('各类别在警告中引用的群规（覆盖默认） Group rule quoted in warnings, per category'),
    warnText: template(
      ['name', 'you', 'labels', 'rule', 'consequence'],
      '{you}的消息违反群规：{rule}。{consequence}',
    ).describe(
      '群内警告（不会复述违规词，也不引用类别名：会被另一个机器人的词库命中；{you} 对客户是「您」，对员工是「你」） Warning template: {name} {you} {labels} {rule} {consequence}',
    ),
  })
  .strict()

/** The validated `content` config. */
export type ContentConfig = z.infer<typeof contentConfigSchema>
/** One step of the action matrix. */
export type Step = z.infer<typeof step>

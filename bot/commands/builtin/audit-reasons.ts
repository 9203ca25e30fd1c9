import type { AuditEntry } from '../../runtime/records/audit.js'

/**
 * The runtime's own audit reasons as people read them in Chinese (ids and names kept): a refused command
 * (`回访 by 刘总`, written before in English), a web console record (`陈管理 (console)`), a failed removal's error.
 * Undefined for any other reason (then its plugin reads it, else it is shown as written).
 */
export function runtimeReason(e: Pick<AuditEntry, 'plugin' | 'rule' | 'type' | 'reason'>): string | undefined {
  const r = e.reason ?? ''
  if (e.rule === 'remove-failed') return `移出群失败：${r}`
  if (e.plugin !== 'runtime') return undefined
  const refused = e.type === 'refused' ? /^(\S+) by (.+)$/.exec(r) : null
  if (refused) return `${refused[2]} 无权使用 #${refused[1]}`
  const console = /^(.+) \(console\)$/.exec(r)
  if (console) return `${console[1]}（网页后台）`
  return undefined
}

import type { Action } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { ArchiveConfig } from './config.js'
import { retryTimerReason, writeFailed, writeRecovered } from './texts.js'

/** Whether a message is archived: every message in a managed group, private ones unless `privateChats` is off. */
export function archives(ev: MessageEvent, section: ArchiveConfig): boolean {
  return !!ev.group || section.privateChats
}

/** What admins were last told about archive writes. */
export interface WriteAlarm {
  warned: boolean
  /** A retry timer is set. */
  retrying: boolean
}

/** Timer key of the retry of archive writes while they fail. */
export const RETRY_TIMER = 'retry-writes'
/** How long after a failed write it is tried again (new messages try at once). */
export const RETRY_MS = 60_000

/**
 * Tell admins once when archive writes start failing (a full disk) and once when they work again;
 * nothing while the state is unchanged. `failing` is the last write error, if writes fail now; while
 * it fails one retry timer is kept set.
 */
export function decideWriteAlarm(alarm: WriteAlarm, failing: string | undefined, lost: number, now: number): Action[] {
  const retry: Action[] =
    failing && !alarm.retrying
      ? [{ type: 'schedule', rule: 'archive.retry', reason: retryTimerReason, key: RETRY_TIMER, at: now + RETRY_MS }]
      : []
  if (retry.length) alarm.retrying = true
  if (failing && !alarm.warned) {
    alarm.warned = true
    return [{ type: 'notifyAdmins', rule: 'archive.write-failed', text: writeFailed(failing) }, ...retry]
  }
  if (!failing && alarm.warned) {
    alarm.warned = false
    return [{ type: 'notifyAdmins', rule: 'archive.write-recovered', text: writeRecovered(lost) }]
  }
  return retry
}

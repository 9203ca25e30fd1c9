import type { GroupRef } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc } from '../../../bot/ports/store/store.js'
import type { ServiceConfig } from '../config.js'
import type { STAFF_DOC } from '../state.js'

type StaffState = ReturnType<typeof STAFF_DOC.defaults>

/** Who is responsible for a customer group, after the handovers of people who left. */
export class Responsibility {
  constructor(
    private ctx: PluginContext<ServiceConfig>,
    private staff: Doc<StaffState>,
  ) {}

  /**
   * The configured people: `service.responsible[<topic>]` (one room of a topic pattern), else `groups[].responsible`,
   * else `service.responsible[<config name>]` (the older way of writing it).
   */
  configured(group: GroupRef): string[] {
    const own = this.ctx.configFor(group).responsible
    const fromGroups = this.ctx.responsibleFor(group)
    return own[group.topic] ?? (fromGroups.length ? fromGroups : (own[group.configName] ?? []))
  }

  /** The configured people with every leaver replaced by their successor (or dropped when none is named). */
  current(group: GroupRef): string[] {
    return this.handOver(this.configured(group))
  }

  /** `ids` with leavers replaced by whoever took over from them, without repeats. */
  handOver(ids: string[]): string[] {
    return [...new Set(ids.flatMap(id => this.holder(id) ?? []))]
  }

  /** Who holds what `id` held: `id` while working, their successor (followed along) after they left. */
  holder(id: string): string | undefined {
    const seen = new Set<string>()
    let cur: string | undefined = id
    while (cur && cur in this.staff.data.left) {
      if (seen.has(cur)) return undefined
      seen.add(cur)
      cur = this.staff.data.left[cur].successor
    }
    return cur
  }

  /** A person's roster name, kept after they left. */
  nameOf(id: string): string {
    return this.ctx.roster.byContact(id)?.name ?? this.staff.data.left[id]?.name ?? id
  }

  /**
   * Who a list line names for an item: its responsible people; with nobody (the admins follow it) the people the
   * config names for its group, those who left as `管理员（钱多 已离职）`; '' when the config names nobody.
   */
  shown(item: { responsible: string[]; groupId?: string }): string {
    if (item.responsible.length) return this.names(item.responsible)
    const group = item.groupId ? this.ctx.directory.group(item.groupId) : undefined
    const configured = group ? this.configured(group) : []
    const gone = configured.filter(id => id in this.staff.data.left)
    return gone.length ? `管理员（${this.names(gone)} 已离职）` : this.names(configured)
  }

  /** Display names of contact ids, joined with 、. */
  names(ids: string[]): string {
    return ids.map(id => this.nameOf(id)).join('、')
  }
}

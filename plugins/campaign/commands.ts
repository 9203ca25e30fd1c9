import type { Role } from '../../bot/core/event.js'
import type { CommandSpec } from '../../bot/core/plugin.js'
import { roleNames } from '../../bot/commands/command-router.js'
import type { CampaignCommandDeps } from './subcommands/deps.js'
import { T } from './texts.js'
import { createCampaign, endCampaign, listCampaigns, progressCampaign } from './subcommands/campaign.js'
import { addPost, decidePost, listWeek, mediaList, pendingList } from './subcommands/queue.js'

/** `#活动 新建|列表|进度|结束`: leaders may look, admins may create and end. */
export function campaignCommand(d: CampaignCommandDeps): CommandSpec {
  const p = d.ctx.commandPrefix
  const parts = Object.entries(T.campaignParts(p))
  const usage = parts.map(([, u]) => u).join('；')
  const subcommandRoles: Record<string, Role> = { 新建: 'admin', 结束: 'admin' }
  return {
    name: '活动',
    aliases: ['campaign'],
    role: 'leader',
    subcommandRoles,
    usage,
    help: parts.map(([sub, u]) => ({
      usage: u,
      roles: Object.hasOwn(subcommandRoles, sub) ? [subcommandRoles[sub]] : undefined,
    })),
    description: T.campaignDescription,
    run: inv => {
      const sub = inv.argv[0] ?? ''
      const rest = inv.args.slice(sub.length).trim()
      if (sub === '新建') return createCampaign(d, inv, rest)
      if (sub === '列表') return listCampaigns(d).then(text => [inv.reply(text)])
      if (sub === '进度') return progressCampaign(d, inv, inv.argv[1])
      if (sub === '结束') return endCampaign(d, inv, inv.argv[1])
      return [inv.reply(T.usage(usage))]
    },
  }
}

/** Who may run each subcommand (exactly: admins only where listed). */
const NEEDS: Record<string, Role[]> = {
  添加: ['editor', 'admin'],
  列表: ['editor', 'approver', 'admin'],
  审核: ['approver'],
  素材: ['editor', 'approver', 'admin'],
  通过: ['approver'],
  驳回: ['approver'],
}

/** `#排期 添加|列表|审核|通过|驳回`: editors queue, approvers (by contact id, admins included only if listed) decide. */
export function queueCommand(d: CampaignCommandDeps): CommandSpec {
  const p = d.ctx.commandPrefix
  const parts = Object.entries(T.queueParts(p))
  const usage = parts.map(([, u]) => u).join('；')
  return {
    name: '排期',
    aliases: ['queue'],
    role: 'member',
    usage,
    help: parts.map(([sub, u]) => ({ usage: u, roles: NEEDS[sub] })),
    description: T.queueDescription,
    run: inv => {
      const sub = inv.argv[0] ?? ''
      const need = Object.hasOwn(NEEDS, sub) ? NEEDS[sub] : undefined
      if (!need) return [inv.reply(T.usage(usage))]
      if (!need.some(r => inv.event.sender.roles.includes(r))) {
        return [
          inv.reply(T.queueRefused(p, sub, roleNames(need))),
          {
            type: 'record',
            text: `无权使用 排期 ${sub}，已拒绝`,
            rule: 'queue.refused',
            memberId: inv.event.sender.id,
            groupId: inv.event.group?.id,
          },
        ]
      }
      const rest = inv.args.slice(sub.length).trim()
      if (sub === '添加') return addPost(d, inv, rest)
      if (sub === '列表') return [inv.reply(listWeek(d, inv.argv[1] === '下周'))]
      if (sub === '审核') return pendingList(d, inv)
      if (sub === '素材') return [inv.reply(mediaList(d))]
      return decidePost(d, inv, sub === '通过', inv.argv[1] ?? '', rest.slice((inv.argv[1] ?? '').length).trim())
    },
  }
}

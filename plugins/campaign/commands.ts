import type { Role } from '../../bot/core/event.js'
import type { CommandSpec } from '../../bot/core/plugin.js'
import type { CampaignCommandDeps } from './subcommands/deps.js'
import { createCampaign, endCampaign, listCampaigns, progressCampaign } from './subcommands/campaign.js'
import { addPost, decidePost, listWeek, mediaList, pendingList } from './subcommands/queue.js'

/** `#活动 新建|列表|进度|结束`: leaders may look, admins may create and end. */
export function campaignCommand(d: CampaignCommandDeps): CommandSpec {
  const p = d.ctx.commandPrefix
  const usage = `${p}活动 新建 <标题> | <内容或链接> | 截止 <时间> [| 群 <内部群/客户群/公告群/群名>] [| 图片 [素材名]]；${p}活动 列表；${p}活动 进度 <编号>；${p}活动 结束 <编号>`
  return {
    name: '活动',
    aliases: ['campaign'],
    role: 'leader',
    subcommandRoles: { 新建: 'admin', 结束: 'admin' },
    usage,
    description: '分享活动：新建、列表、进度、提前结束',
    run: inv => {
      const sub = inv.argv[0] ?? ''
      const rest = inv.args.slice(sub.length).trim()
      if (sub === '新建') return createCampaign(d, inv, rest)
      if (sub === '列表') return listCampaigns(d).then(text => [inv.reply(text)])
      if (sub === '进度') return progressCampaign(d, inv, inv.argv[1])
      if (sub === '结束') return endCampaign(d, inv, inv.argv[1])
      return [inv.reply(`用法：${usage}`)]
    },
  }
}

const NEEDS: Record<string, { roles: Role[]; label: string }> = {
  添加: { roles: ['editor', 'admin'], label: '排期编辑' },
  列表: { roles: ['editor', 'approver', 'admin'], label: '排期编辑或排期审核' },
  审核: { roles: ['approver'], label: '排期审核' },
  素材: { roles: ['editor', 'approver', 'admin'], label: '排期编辑或排期审核' },
  通过: { roles: ['approver'], label: '排期审核' },
  驳回: { roles: ['approver'], label: '排期审核' },
}

/** `#排期 添加|列表|审核|通过|驳回`: editors queue, approvers (by contact id, admins included only if listed) decide. */
export function queueCommand(d: CampaignCommandDeps): CommandSpec {
  const p = d.ctx.commandPrefix
  const usage = `${p}排期 添加 <日期> [时间] [节假日照发] <内容> [| 图片 [素材名]]；${p}排期 列表 [下周]；${p}排期 素材；${p}排期 审核；${p}排期 通过 <编号>；${p}排期 驳回 <编号> <原因>`
  return {
    name: '排期',
    aliases: ['queue'],
    role: 'member',
    usage,
    description: '每日发布排期：编辑添加，审核人通过或驳回',
    run: inv => {
      const sub = inv.argv[0] ?? ''
      const need = Object.hasOwn(NEEDS, sub) ? NEEDS[sub] : undefined
      if (!need) return [inv.reply(`用法：${usage}`)]
      if (!need.roles.some(r => inv.event.sender.roles.includes(r))) {
        return [
          inv.reply(`⛔ 没有权限：${p}排期 ${sub} 需要「${need.label}」角色。`),
          {
            type: 'record',
            text: `refused 排期 ${sub}`,
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

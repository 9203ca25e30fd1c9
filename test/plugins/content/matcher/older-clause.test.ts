import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * The hit's own clause (pitch-guard.ts pitchesBeside, issue #22, older): a report or a rule that clears a hit reads the
 * clause that holds it too, the hit blanked, so a pitch beside the hit (`…走小号`, `…帮你开好了`, `…看头像`) keeps it;
 * an insult after a bare 这 or 那 is the speaker's own name for someone (callsNames). Sentences of our own, by shape.
 */
describe("a report or a rule with a pitch in the hit's own clause (issue #22, older)", () => {
  it('keeps a gambling hit beside an account opened, a second account or a bonus', () => {
    flaggedInBoth('gambling', [
      '已踢，百家乐的号我帮你开好了',
      '已删除，赌球走小号',
      '已撤回，六合彩特码在相册',
      '管理员已经踢了，博彩账号帮你开户送彩金',
      '发现一次踢一次，网赌的走小号',
      '已封号，赌博平台帮你开好了',
      '已处理，时时彩开户就送',
      '已举报，真人百家乐上桌就送',
      '群主已删，博彩带单找小号',
    ])
  })

  it('keeps a porn hit beside where the goods wait (头像, 相册, 置顶)', () => {
    flaggedInBoth('porn', [
      '已拉黑，要援交的看头像',
      '请勿传播：裸聊资源看置顶链接',
      '已删，一夜情的看我头像',
      '已撤，约炮的在相册',
      '禁言了，裸聊视频看置顶',
      '已清理，约炮见我头像',
    ])
  })

  it('keeps a price handed over by a second account beside a rule', () => {
    flaggedInBoth('confidential', ['违者必究，进货价走老板小号', '违者开除，成本价联系店长小号'])
  })

  it('keeps an insult the speaker calls a member pointed at with 这 or 那', () => {
    flaggedInBoth('insult', ['这废物天天刷屏，已举报', '那个傻逼发广告，已经踢了', '这脑残又在群里发链接，已拉黑'])
  })

  it('stays clean when the report or the rule pitches nothing', () => {
    cleanInBoth([
      '已踢，有人发百家乐广告',
      '已删除，有人在群里发赌球链接',
      '请勿传播群里的黄色视频',
      '请勿外传：内部价格不得外泄',
      '违者必究，严禁私下讨论成本价',
      '已撤回，刚才有人发六合彩的消息',
      '管理员已经踢了发博彩广告的人',
      '发现一次踢一次，本群禁止网赌',
      '已封号，那个号在群里发裸聊广告',
      '已清理，大家别点陌生链接',
      '已删，换头像的记得改备注',
      '请看置顶的群规，禁止发广告',
      '新群规在置顶里，大家看一下',
      '有问题看置顶公告',
      '已移出，请大家遵守群规',
      '违者必究，不得转发内部资料',
      '已举报，请勿相信刷单返利',
      '已处理，严禁在群内赌博',
      '照片都在相册里，看完记得点赞',
      '已拉黑，大家注意防骗',
      '那个人又来刷屏了，已举报',
      '违禁词：约炮、裸聊、援交，机器人会自动撤回',
      '有人私发裸聊视频给学员，已经报警',
      '合同第二页，请在签名下注明日期',
      '有人骂我“这傻逼”，已举报',
    ])
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('a report or a rule of frames with a pitch no list held (issue #22, rev3)', () => {
  it('stays a hit when a header or a pointer to a notice stands for the rule', () => {
    flaggedInBoth('porn', ['公告：裸聊服务请看置顶'])
    flaggedInBoth('gambling', [
      '群公告：网赌平台见置顶',
      '注意：六合彩资料详情见群公告',
      '群规：禁止发广告，六合彩内部资料详情看群公告',
      '公告：网赌暗号888，老地方',
    ])
  })

  it('stays a hit when the goods or a private message are pointed at', () => {
    flaggedInBoth('gambling', ['群规：网赌请私，不要公开', '禁止刷屏，六合彩请私', '严禁发广告，百家乐进我空间'])
    flaggedInBoth('porn', ['已撤回，裸聊点头像', '已举报，约炮看我朋友圈', '违规者踢，裸聊请私我'])
  })

  it('stays a hit when another group, the reader let in or who wants it is pointed at', () => {
    flaggedInBoth('gambling', [
      '已截图，“六合彩”内部群进来',
      '违者踢，发六合彩的都去我那个群',
      '已举报，六合彩的图我存了，要的说',
    ])
  })

  it('stays an insult aimed at whoever does it', () => {
    flaggedInBoth('insult', [
      '已举报，叫你一声傻逼',
      '禁止广告，谁发谁是傻逼',
      '已举报，楼主这个傻逼',
      '提醒大家：张三是个傻逼',
    ])
  })

  it('stays a hit with a stake a hand, a draw promised, a meeting place, where it is had or a figure told after all', () => {
    flaggedInBoth('gambling', [
      '严禁赌博，今晚老地方斗地主一百一局',
      '禁止外传的六合彩内部资料，今晚必出',
      '撤回了，刚才那个网赌网址换成新的了',
    ])
    flaggedInBoth('porn', [
      '有人在群里问裸聊，已举报，不过我知道哪里有',
      '群规禁止发约炮信息，想约的来老地方，今晚十点',
    ])
    flaggedInBoth('confidential', ['客户问成本价，已上报，其实就是六十五'])
  })

  it('is still no hit for a rule that points at its notice or asks for a private message to an admin', () => {
    cleanInBoth([
      '禁止发六合彩，详情看群公告',
      '有问题请私聊管理员，禁止发六合彩',
      '已举报，有人发约炮的图',
      '群规：禁止发网赌链接，违者踢',
      '请勿传播，刚撤回的消息里有六合彩',
      '禁止在群里讨论六合彩，老地方的聚会照常',
      '已举报，有人发六合彩，其实就是三个号在刷',
    ])
  })
})

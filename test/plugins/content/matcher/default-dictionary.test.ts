import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { hasEvalFile, scoreEval } from './eval-helpers.js'
import { repoRoot } from './helpers.js'

const DEFAULT = path.join(repoRoot, 'data/dictionaries/default.yaml')
const CUSTOM = path.join(repoRoot, 'data/dictionaries/company-custom.example.yaml')

describe('shipped default dictionary', () => {
  const loaded = loadDictionaryFiles([DEFAULT])
  const withCustom = loadDictionaryFiles([DEFAULT, CUSTOM])
  const matcher = compileMatcher(withCustom.dictionary)

  it('loads without warnings, alone and with the company example', () => {
    expect(loaded.warnings).toEqual([])
    expect(withCustom.warnings).toEqual([])
  })

  it('covers every category of the company rules with 20-60 terms each', () => {
    const categories = loaded.dictionary.categories
    expect(Object.keys(categories).sort()).toEqual([
      'ad',
      'confidential',
      'contact',
      'defamation',
      'false_ad',
      'gambling',
      'insult',
      'malware',
      'politics_religion',
      'porn',
      'private_deal',
    ])
    for (const [key, rule] of Object.entries(categories)) {
      expect(rule.terms.length, key).toBeGreaterThanOrEqual(20)
      expect(rule.terms.length, key).toBeLessThanOrEqual(60)
    }
    expect(loaded.dictionary.links?.allowDomains).toEqual(['example.com', 'mp.weixin.qq.com'])
  })

  it.each([
    ['有没有人要成 人 视 频', 'porn'],
    ['今晚去赌場玩两把', 'gambling'],
    ['这个是破解版下载地址', 'malware'],
    ['宝妈兼职，日赚三百', 'ad'],
    ['有事加我Ｖ信', 'contact'],
    ['你这个脑😀残', 'insult'],
    ['我看公司要倒闭了', 'defamation'],
    ['进货价是多少我发你', 'confidential'],
    ['周末来参加我们的传福音聚会', 'politics_religion'],
    ['我们的水包治百病', 'false_ad'],
    ['这单不走公司，转我个人', 'private_deal'],
    ['点这里 http://coupon.top/x', 'link'],
    ['蓝鲸计划下个月发布', 'confidential'],
    ['清泉净水更便宜', 'competitor'],
    ['电话 139-0013-9000', 'contact'],
    ['这家就是割韭菜的，大家别上当', 'defamation'],
    ['那家店专门割韭菜，别续费了', 'defamation'],
    ['这公司快跑路了，大家别再交定金', 'defamation'],
    ['跟你透个底，这款出厂价才三百', 'confidential'],
    ['出厂价偷偷告诉你，才两百', 'confidential'],
    ['领取电子保修卡：bit.do/ex-water', 'link'],
    ['尾款直接zz到我卡上，不用经过公司', 'private_deal'],
    ['尾款sx给我就行，发票不用开了', 'private_deal'],
    ['这gs就是骗钱的，大家别续费', 'defamation'],
    ['想要团购价的私我wx，群里不好报', 'contact'],
    ['要团购价的加我卫星，名额不多', 'contact'],
  ])('flags %s as %s', (text, category) => {
    expect(matcher.categoriesOf(text)).toContain(category)
  })

  it.each([
    '请看以下注意事项：安装前先关总阀',
    '我在楼下。注意安全',
    '请在线下注册会员',
    '本月开展禁止赌博宣传教育活动',
    '周末带孩子去坐旋转木马',
    '到底价格多少合适？',
    '这是成本，价格另算',
    '这个 USB 接口坏了',
    '加VIP会员享受免费上门服务',
    '清洁要去死角',
    '小区开始垃圾分类了',
    '请大家注意保护商业机密',
    '明天去参加微信公开课',
    '客户资料请整理到系统里',
    '这个月业绩全国第一，感谢大家！',
    '客户说家里下水道有点返水',
    '公司官网 https://www.example-water.com/news',
    '公众号文章 https://mp.weixin.qq.com/s/abc123',
    '售后热线 400-888-0000',
    '百家乐园二期的业主群建好了',
    '危险废物要单独存放，贴好标签',
    '搬货的车不走公司大门，走东侧门',
    '合同扫描件转我个人邮件吧',
    '展厅换下来的净水器低价出售给同事，先到先得',
    '周末回老家割韭菜包饺子',
    '下班了我先跑路了，明天见',
    '出厂价直销，全场八折',
    '发票电子版已发你邮箱，发件人是 invoice@example.com',
    '收件人写错了，麻烦改成我爱人',
    '孩子想要那个会叫的老虎机器人玩具',
    '孩子sx作业写完了',
    'gs报销流程改了，这家gs的净水器不错',
    '卫星发射成功了，我wx发你了',
    '这周 sx 作业和语文都交了，尾款下周结',
  ])('leaves normal business chat alone: %s', text => {
    expect(matcher.scan(text)).toEqual([])
  })

  it('clears a report that links to an allowed domain, not one that links elsewhere or gives an account', () => {
    expect(matcher.categoriesOf('有人在群里发百家乐，已举报，群规见 https://www.example.com/rules')).toEqual([])
    expect(matcher.categoriesOf('有人说兼职刷单日结，已举报，举报入口 example.com/report')).toEqual([])
    expect(matcher.categoriesOf('有人在群里发百家乐，已举报，详见 https://x.evil.top/a')).toContain('gambling')
    expect(matcher.categoriesOf('有人在群里发百家乐，已举报，加vx abc12345')).toContain('gambling')
  })

  it.skipIf(!hasEvalFile)('keeps precision and recall on the shared sample (with the company example file)', () => {
    const score = scoreEval(matcher)
    const misses = [...score.falsePositives, ...score.falseNegatives].join('\n')
    expect(score.precision, misses).toBeGreaterThanOrEqual(0.99)
    expect(score.recall, misses).toBeGreaterThanOrEqual(0.98)
  })
})

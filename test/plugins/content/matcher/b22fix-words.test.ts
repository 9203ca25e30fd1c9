import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['黄色网站', '援交'],
      gambling: ['博彩', '下注', '赌球'],
      defamation: ['垃圾公司'],
      insult: ['傻逼'],
      contact: ['加薇', '威信号'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a term read as other words (issue #22, blind22/23 classes)', () => {
  it('is no hit as a full name with a title after it', () => {
    expect(m.categoriesOf('周三的数学课请孙博彩老师代一下')).toEqual([])
    expect(m.categoriesOf('这份合同交给罗加薇经理签字')).toEqual([])
    expect(m.categoriesOf('周末有人组队去博彩吗')).toEqual(['gambling'])
    expect(m.categoriesOf('找老师带你玩博彩，稳赚')).toEqual(['gambling'])
  })

  it('is no hit as a colour of another shade', () => {
    expect(m.categoriesOf('宣传页换了浅黄色网站背景，看着舒服多了')).toEqual([])
    expect(m.categoriesOf('这个橘黄色网站主题是供应商给的模板')).toEqual([])
    expect(m.categoriesOf('有没有黄色网站推荐一个')).toEqual(['porn'])
  })

  it('is no hit as a firm that comes to collect waste', () => {
    expect(m.categoriesOf('工地找的垃圾公司周六上门拉渣土')).toEqual([])
    expect(m.categoriesOf('这垃圾公司工资又拖了一个月')).toEqual(['defamation'])
  })

  it('is no hit when a two-character word takes its first character, whatever the rest', () => {
    expect(m.categoriesOf('降息是央行给出的权威信号，银行股应声上涨')).toEqual([])
    expect(m.categoriesOf('我威信号是 abc123，有事找我')).toEqual(['contact'])
  })

  it('is no hit as an everyday word a sound-alike of both characters writes', () => {
    expect(m.categoriesOf('小狗被烟花吓住了，躲在床底不出来')).toEqual([])
    expect(m.categoriesOf('今晚吓注大的，稳')).toEqual(['gambling'])
    expect(m.categoriesOf('你个煞笔')).toEqual(['insult'])
  })
})

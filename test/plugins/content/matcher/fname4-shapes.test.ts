import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given, with the expansions that find their forms. */
const m = compileMatcher(
  expandingDictionary(
    {
      gambling: ['博彩', '网赌', '下注', '赌博'],
      private_deal: ['私单', '私下转账'],
      confidential: ['成本价', '进货价'],
      insult: ['滚蛋', '废物', '脑残', '混蛋', '傻逼', 'sb'],
      porn: ['一夜情', '小电影', '成人视频'],
    },
    ['homophone', 'toneless', 'pinyin', 'initials'],
  ),
)

describe('a sound-alike name before the title of the head of a body or a rank of learning (issue #22, fname4)', () => {
  it('is no hit as a surname and a given name before 局长, 科长, 教授, 工程师', () => {
    expect(m.categoriesOf('杜博局长下周来检查消防')).toEqual([])
    expect(m.categoriesOf('夏注科长让我们补材料')).toEqual([])
    expect(m.categoriesOf('杜博工程师在现场调试')).toEqual([])
  })

  it('stays a hit where the term stands before a betting word', () => {
    expect(m.categoriesOf('在这夏注，赔率最高')).toEqual(['gambling'])
  })
})

describe('a sound-alike firm name, its line of business and a person of the firm (issue #22, fname4)', () => {
  it('is no hit before 的 and a surname with a title, or a role past the part or region it serves', () => {
    expect(m.categoriesOf('博采电气的技术经理明天来调试')).toEqual([])
    expect(m.categoriesOf('思丹涂料的华东区经理下午到')).toEqual([])
    expect(m.categoriesOf('网都留学的王总说材料齐了')).toEqual([])
    expect(m.categoriesOf('博采印务的报价单发过来了')).toEqual([])
  })

  it('stays a hit before a platform or with an offer', () => {
    expect(m.categoriesOf('博采平台的吴总带你回血')).toEqual(['gambling'])
    expect(m.categoriesOf('博采网络的客服经理说能返水')).toEqual(['gambling'])
  })
})

describe('a price term whose 价 is written 加 before what a price is made of (issue #22, fname4)', () => {
  it('is no hit when 加 adds a margin, a fee or a tax', () => {
    expect(m.categoriesOf('工程款按成本加管理费结算')).toEqual([])
    expect(m.categoriesOf('装修按成本加合理利润报价')).toEqual([])
  })

  it('stays a hit handed over, kept secret or with nothing added', () => {
    expect(m.categoriesOf('进货加运费发你，别外传')).toEqual(['confidential'])
    expect(m.categoriesOf('成本加表私发给你')).toEqual(['confidential'])
    expect(m.categoriesOf('成本加多少不能说')).toEqual(['confidential'])
  })
})

describe('a sound-alike of 废物 that keeps its 废, as waste disposed of (issue #22, fname4)', () => {
  it('is no hit before a word of collecting or treating it', () => {
    expect(m.categoriesOf('电镀线的废雾收集塔要换滤网')).toEqual([])
  })

  it('stays a hit said of someone', () => {
    expect(m.categoriesOf('你真是个废雾，啥也干不好')).toEqual(['insult'])
  })
})

describe('一夜晴 with the weather or what it lets a farmer or a walker do (issue #22, fname4)', () => {
  it('is no hit beside rain, the moon or the harvest dried', () => {
    expect(m.categoriesOf('下了三天雨，一夜晴，明天可以晒谷子了')).toEqual([])
    expect(m.categoriesOf('一夜晴，月亮特别亮')).toEqual([])
  })

  it('stays a hit with an offer of company', () => {
    expect(m.categoriesOf('晚上寂寞，一夜晴约吗')).toEqual(['porn'])
  })
})

describe('a term ending in a medium in a lesson or a film made (issue #22, fname4)', () => {
  it('is no hit before a course or an interview, after an occasion filmed, or in a lesson', () => {
    expect(m.categoriesOf('社区学校的成人视频教程已经上线')).toEqual([])
    expect(m.categoriesOf('孩子们自己拍了一部环保主题的小电影，周五班会放')).toEqual([])
    expect(m.categoriesOf('公司年会的小电影大家投票')).toEqual([])
  })

  it('stays a hit asked for, handed out, or as a service', () => {
    expect(m.categoriesOf('英文小电影资源打包出')).toEqual(['porn'])
    expect(m.categoriesOf('成人视频课程资源加我')).toEqual(['porn'])
    expect(m.categoriesOf('小电影看不看，私我')).toEqual(['porn'])
    expect(m.categoriesOf('成人视频通话一对一')).toEqual(['porn'])
    expect(m.categoriesOf('成人视频课程，懂的来')).toEqual(['porn'])
  })
})

describe('initials glossed by the English words they stand for, or paired with a sibling code (issue #22, fname4)', () => {
  it('is no hit glossed after 是 or in brackets, or beside a code of its series', () => {
    expect(m.categoriesOf('报表里的GD是Gross Deposit')).toEqual([])
    expect(m.categoriesOf('NC（No Charge）的单子不要开票')).toEqual([])
    expect(m.categoriesOf('客户要 SD 和 HD 两个版本的宣传片')).toEqual([])
    expect(m.categoriesOf('HD 和 SD 两种画质都导出一份')).toEqual([])
    expect(m.categoriesOf('SB版比旗舰版便宜')).toEqual([])
  })

  it('stays a hit glossed in pinyin or by words that call names, said of someone, or beside another insult', () => {
    expect(m.categoriesOf('他是NC（nao can）')).toEqual(['insult'])
    expect(m.categoriesOf('SB是Stupid Bastard的意思')).toEqual(['insult'])
    expect(m.categoriesOf('你个NC，not completed')).toEqual(['insult'])
    expect(m.categoriesOf('SB（Super Boss）就是你')).toEqual(['insult'])
    expect(m.categoriesOf('你们都是SB和NC')).toEqual(['insult'])
    expect(m.categoriesOf('你就是SB版的人')).toEqual(['insult'])
  })
})

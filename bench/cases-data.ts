import { compileTemplate } from '../plugins/cases/content/template.js'
import type { CaseRecord } from '../plugins/cases/state.js'

/** Synthetic but realistic sales cases for the `cases` benchmark (deterministic for a seed). */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  )
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏飞'.split('')
const HONORIFICS = ['总', '经理', '姐', '哥', '老板', '主任', '院长', '店长']
const CITIES = [
  '南宁',
  '柳州',
  '桂林',
  '广州',
  '深圳',
  '长沙',
  '昆明',
  '贵阳',
  '成都',
  '重庆',
  '武汉',
  '杭州',
  '合肥',
  '南昌',
  '福州',
  '厦门',
]
const INDUSTRIES = [
  '餐饮',
  '酒店',
  '学校',
  '医院',
  '工厂',
  '写字楼',
  '物业',
  '健身房',
  '美容院',
  '幼儿园',
  '连锁超市',
  '社区',
  '养老院',
  '汽修厂',
  '食品加工',
  '银行网点',
  '政府机关',
  '茶饮店',
]
const PRODUCTS = [
  '商用净水器',
  '家用净水器',
  '软水机',
  '直饮水机',
  '开水器',
  '前置过滤器',
  '滤芯套餐',
  '管道机',
  '反渗透纯水机',
  '中央净水系统',
  '全屋净水',
  '饮水机租赁',
  '年度维护合同',
  '智能水杯',
  '校园饮水站',
]
const PROBLEMS = [
  '客户觉得价格比竞品高',
  '价格异议很大，一直压价',
  '决策人不在现场，拍不了板',
  '预算要等下个季度',
  '担心安装影响营业',
  '之前用过别家效果不好',
  '对售后响应速度有顾虑',
  '要求先免费试用一个月',
  '付款方式谈不拢，想分期',
  '采购流程长需要走招标',
  '老板嫌滤芯更换太贵',
  '竞品报了更低的价',
  '不相信我们的水质检测报告',
  '物业不让打孔安装',
  '担心机器噪音太大',
  '觉得电费会增加',
  '老客户复购率低',
  '客户在网店比价后流失',
  '对品牌不熟悉，信任度不够',
  '安装空间不够',
  '员工不会用，担心麻烦',
  '合同条款要法务审核',
  '要求延长保修',
  '觉得现在的水也能喝',
]
const METHODS = [
  '先做免费水质检测，用数据说话',
  '算三年滤芯总成本，对比桶装水',
  '请老客户现场介绍使用体验',
  '提供一个月免费试用',
  '分三期付款降低门槛',
  '约决策人一起看样板点',
  '把售后响应写进合同，两小时上门',
  '送一年滤芯锁定合同',
  '做了安装方案效果图',
  '夜间安装不影响营业',
  '拉竞品参数表逐项对比',
  '带检测仪现场演示TDS变化',
  '邀请参观工厂生产线',
  '给采购准备招标参数',
  '用节能数据打消电费顾虑',
  '建了客户服务群，定期提醒换芯',
  '老带新给返现',
  '先签小单再扩到全部门店',
]
const RESULTS = [
  '当场签约',
  '一周后签约',
  '先签了试点',
  '转介绍了两家',
  '续签三年',
  '还在跟进',
  '丢单了，被竞品低价拿走',
  '客户答应下月复购',
]
const LESSONS = [
  '别急着降价，先讲清楚价值',
  '找到真正的决策人最重要',
  '数据比话术有说服力',
  '售后承诺要写进合同',
  '试用期要安排专人回访',
  '老客户的口碑是最好的销售',
  '报价前先摸清预算',
  '比价客户要讲总成本',
  '安装细节决定成败',
  '复购靠服务不靠提成',
]
const TIPS = [
  '每周回访一次老客户',
  '换芯提醒提前一周发',
  '节日发水质小知识',
  '把检测报告做成一页纸',
  '随身带TDS笔',
  '朋友圈多发安装案例',
  '报价单附上三年成本对比',
]

/** A seeded pseudo-random generator (LCG), so every run benchmarks the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

/** `n` synthetic cases over roughly three years before `end`, in capture order. */
export function syntheticCases(n: number, end: number, seed = 42): CaseRecord[] {
  const rnd = seeded(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const person = () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : '')
  const authors = Array.from({ length: 300 }, person)
  const template = compileTemplate(['客户', '行业', '产品', '金额', '难点', '做法', '结果', '心得'])
  const span = 3 * 365 * 86_400_000
  const out: CaseRecord[] = []
  for (let i = 0; i < n; i++) {
    const r = rnd()
    const tag = r < 0.4 ? '成交' : r < 0.7 ? '问题' : r < 0.9 ? '经验' : '案例'
    const text =
      tag === '问题'
        ? `${pick(CITIES)}${pick(INDUSTRIES)}客户${pick(SURNAMES)}${pick(HONORIFICS)}：${pick(PROBLEMS)}，${pick(PROBLEMS)}，大家有什么好办法？\n目前看的是${pick(PRODUCTS)}，预算大概${1 + Math.floor(rnd() * 30)}万。`
        : tag === '经验'
          ? `${pick(TIPS)}。\n${pick(LESSONS)}，${pick(METHODS)}。\n${pick(TIPS)}，${pick(LESSONS)}。`
          : [
              `客户：${pick(SURNAMES)}${pick(HONORIFICS)}（${pick(CITIES)}${pick(INDUSTRIES)}）`,
              `行业：${pick(INDUSTRIES)}`,
              `产品：${pick(PRODUCTS)}`,
              `金额：${(1 + rnd() * 50).toFixed(1)}万`,
              `难点：${pick(PROBLEMS)}，${pick(PROBLEMS)}`,
              `做法：${pick(METHODS)}；${pick(METHODS)}`,
              `结果：${pick(RESULTS)}`,
              `心得：${pick(LESSONS)}`,
            ].join('\n')
    const parsed = template.parse(text)
    const author = pick(authors)
    out.push({
      id: `C${i + 1}`,
      seq: i + 1,
      tag,
      authorId: `wxid_${author}`,
      author,
      groupId: 'r-sales',
      groupTopic: '示例科技销售部工作群',
      at: end - span + Math.floor((i / n) * span),
      text,
      fields: parsed.fields,
      title: parsed.title || tag,
      images: [],
    })
  }
  return out
}

/** Queries a sales team would type: common and rare words, phrases, filters, a miss. */
export const BENCH_QUERIES = [
  '价格异议',
  '价格',
  '净水器',
  '滤芯 成本',
  '售后',
  '招标',
  '试用',
  '复购',
  '竞品 价格',
  '决策人',
  '水质检测',
  '噪音',
  '网店 比价',
  'tds',
  '商用净水器 餐饮',
  '老板 嫌 贵',
  '价格异议 标签:成交',
  '价格 本月',
  '售后 作者:王伟',
  '滤芯 产品:软水机',
  '安装 上周',
  '分期 付款',
  '怎么 打消 电费 顾虑',
  '火星',
  '学校 饮水站',
]

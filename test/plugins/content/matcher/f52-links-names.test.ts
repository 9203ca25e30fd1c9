import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * The classes heldout-blind52 opened (issue #22, f52): a private network's address, a shortener named as the start of
 * a kind of link, a product's model and tier written like a host (private-hosts.ts, link-named.ts); a place counted
 * and named (name-frames.ts); a rule's banned clause, no offer (talked-about-offers.ts); capitals where data goes
 * (form-brands.ts); long capitals in a pitch (compile.ts); 授 and 爰 for 援 (common-lookalikes.ts). Sentences of our
 * own, by shape, clean and dressed.
 */
describe('links, names and rules heldout-blind52 opened (issue #22, f52)', () => {
  it('reads a private network’s address as no link, unless the message pitches', () => {
    cleanInBoth([
      '路由器后台是 192.168.1.1:8080，密码贴在机身背面',
      '摄像头默认登录 10.0.0.20:554，装好记得改密码',
      '本地调试打开 localhost:3000/admin 看一下效果',
      '打印机的地址是 172.16.5.9/config，别改错了',
    ])
    flaggedInBoth('link', ['http://45.77.1.2:8888 内部系统，点开看看', '打开 http://192.169.1.1/abc 看看'])
    flaggedInBoth('contact', ['192.168.1.1:8080 加我微信看福利'])
    flaggedInBoth('gambling', ['打开 http://192.168.1.1 下注，稳赚'])
    flaggedInBoth('ad', ['http://10.0.0.8/vip 日赚三百，私聊'])
  })

  it('reads a shortener named as the start of a kind of link as talked about', () => {
    cleanInBoth([
      '有人发 bit.ly 开头的链接说领红包，大家千万别点',
      '有人发 t.cn 这种链接骗钱，别点',
      '群里 dwz.cn 之类的短链都是骗人的',
    ])
    flaggedInBoth('link', [
      'bit.ly 开头的链接领红包，快点',
      '点开 bit.ly 开头的链接领福利',
      'bit.ly/abc 开头的链接别点',
    ])
  })

  it('reads a model and its tier written like a host as a product, unless it is gone to or pitched', () => {
    cleanInBoth(['客户要的是 K20.Pro 还是 K20.Max？', 'Mate60.Pro 到货了，先给老客户留两台', 'X9.PRO 今天降价了'])
    flaggedInBoth('link', [
      'K20.Pro，懂的来',
      '打开 Av99.Pro 看看',
      '看片上 Av99.Pro，资源多',
      'Hg88.Pro 首充送，稳赚',
      'k20.pro 注册送彩金',
    ])
  })

  it('reads a term after a counted place’s 叫 and before its kind as the place’s name', () => {
    cleanInBoth(['有家叫百家乐的超市今天打折', '客户约在那家叫“六合彩”的茶馆谈代理', '楼下那个叫老虎机的网吧关门了'])
    flaggedInBoth('gambling', ['那家叫百家乐的酒吧可以下注', '有个叫六合彩的茶馆，老规矩八点开'])
    flaggedInBoth('porn', ['楼下那家叫“裸聊”的咖啡馆'])
    flaggedInBoth('insult', ['一个叫傻逼的店'])
  })

  it('reads a rule’s banned clause as no offer to the reader', () => {
    cleanInBoth([
      '雅思班群规：不讨论代考，不发兼职刷单广告，不发扫码进群二维码',
      '群规：不发兼职刷单广告，不要进群拉人',
      '群规：1. 不发兼职刷单广告 2. 禁止扫码进群',
    ])
    flaggedInBoth('ad', [
      '本群禁止兼职刷单广告，想做的私聊',
      '不发兼职刷单广告，扫码进群领福利',
      '群规：不发兼职刷单广告，不发广告的加我',
      '群规：不发兼职刷单广告，不要进群，日结三百私聊',
      '兼职刷单日结，不要犹豫，扫码进群',
    ])
  })

  it('reads capitals where data goes as a system, unless someone is called so', () => {
    cleanInBoth(['报表导出来直接导进用友NC', '登录NC后台看一下', '凭证同步到NC里了'])
    flaggedInBoth('insult', ['导进NC，你个NC', '登录NC，滚', '导进NC，真恶心', '你真是个NC'])
  })

  it('keeps long capitals read as an abbreviation where the message pitches', () => {
    flaggedInBoth('ad', ['JZSD 日结两百，学生党宝妈都能做', 'JZSD 日结'])
    cleanInBoth(['KHMD 表格在共享盘，下班前更新'])
  })

  it('reads 授 and a bare 爰 as 援 outside words of their own', () => {
    flaggedInBoth('porn', ['学生妹授交，价格私聊', '学生妹爰交'])
    cleanInBoth(['王教授交代的任务下周交', '老师授课交流了一下午', '获得授权后交付'])
  })
})

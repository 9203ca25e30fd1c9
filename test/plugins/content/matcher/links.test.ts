import { describe, expect, it } from 'vitest'
import { findUrls } from '../../../../plugins/content/matcher/index.js'
import { matcherOf } from './helpers.js'

describe('findUrls', () => {
  it.each([
    ['优惠券在这 https://coupon-free-gift.top/get', 'https://coupon-free-gift.top/get', 'coupon-free-gift.top'],
    ['领红包 https://bit.ly/3xYzAbc', 'https://bit.ly/3xYzAbc', 'bit.ly'],
    ['领取电子保修卡：bit.do/ex-water', 'bit.do/ex-water', 'bit.do'],
    ['点 is.gd/Ab12 领', 'is.gd/Ab12', 'is.gd'],
    ['看这个rb.gy/3k9x', 'rb.gy/3k9x', 'rb.gy'],
    ['看看这个 http://45.77.12.9/download/app.apk', 'http://45.77.12.9/download/app.apk', '45.77.12.9'],
    ['访问 www.evil.example 看看', 'www.evil.example', 'www.evil.example'],
    ['访问evil.top:8080/a?b=1看看', 'evil.top:8080/a?b=1', 'evil.top'],
    ['地址是mp.weixin.qq.com/s/abc123，请转发', 'mp.weixin.qq.com/s/abc123', 'mp.weixin.qq.com'],
    ['内网 192.168.1.1:8080 可以访问', '192.168.1.1:8080', '192.168.1.1'],
    ['IPv6 http://[2001:db8::1]:8080/x', 'http://[2001:db8::1]:8080/x', '2001:db8::1'],
    ['见 (http://a.com/x).', 'http://a.com/x', 'a.com'],
    ['FTP ftp://files.example.net/a.zip', 'ftp://files.example.net/a.zip', 'files.example.net'],
  ])('finds the URL in %s', (text, url, host) => {
    const [found] = findUrls(text)
    expect(found).toMatchObject({ url, host })
    expect(text.slice(found.start, found.end)).toBe(url)
  })

  it.each([
    ['full-width letters, colon and slashes', 'ｈｔｔｐｓ：／／ｅｖｉｌ．ｃｏｍ／ｘ', 'evil.com'],
    ['an ideographic full stop', '打开evil。com领取', 'evil.com'],
    ['a full-width full stop', '打开evil．top领取', 'evil.top'],
  ])('finds a URL written with %s and quotes the original', (_name, text, host) => {
    const [found] = findUrls(text)
    expect(found.host).toBe(host)
    expect(text.slice(found.start, found.end)).not.toBe('')
  })

  it.each([
    ['邮箱 abc@qq.com'],
    ['附件 report.docx 和 app.apk'],
    ['版本 v1.2.3.4'],
    ['今天。明天'],
    ['价格 3.50 元'],
    ['to do list 明天做'],
    ['what to do.'],
    [''],
  ])('finds no URL in %j', text => {
    expect(findUrls(text)).toEqual([])
  })

  it.each([
    ['官网 www点shop-vip点top 领券', 'www点shop-vip点top', 'www.shop-vip.top'],
    ['注册 w w w . kk99 . net 送彩金', 'w w w . kk99 . net', 'www.kk99.net'],
    ['资料在 pan-share 點 cn', 'pan-share 點 cn', 'pan-share.cn'],
    ['打开 abc . xyz 领取', 'abc . xyz', 'abc.xyz'],
    ['下载 www丶k8bet丶com', 'www丶k8bet丶com', 'www.k8bet.com'],
    ['网址 bet365(.)cc 复制打开', 'bet365(.)cc', 'bet365.cc'],
    ['看这里 luck·vip', 'luck·vip', 'luck.vip'],
    ['活动详情看 promo-water dot cc/618', 'promo-water dot cc', 'promo-water.cc'],
    ['领券去 shop-vip DOT top 看看', 'shop-vip DOT top', 'shop-vip.top'],
    ['网址 bet365[dot]cc 复制打开', 'bet365[dot]cc', 'bet365.cc'],
  ])('finds a host whose dots are written out in %s', (text, url, host) => {
    const [found] = findUrls(text)
    expect(found).toMatchObject({ url, host })
    expect(text.slice(found.start, found.end)).toBe(url)
  })

  it.each([
    ['晚上8点tv上有球赛'],
    ['OK. Me too'],
    ['三点半 top 店门口见'],
    ['好的 . 明天见'],
    ['迈克尔·乔丹'],
    ['A·cc 组'],
    ['polka dot 裙子很好看'],
    ['我的 dot 图 cc 组已经发了'],
    ['这个 dotnet 项目明天上线'],
  ])('finds no spelled host in %j', text => {
    expect(findUrls(text)).toEqual([])
  })

  it.each([
    ['点这里 h t t p s : / / l u c k 7 . t o p / a 领奖', 'https://luck7.top/a', 'luck7.top'],
    ['官网 w w w . b e t 9 . c o m 注册送', 'www.bet9.com', 'www.bet9.com'],
  ])('finds a URL written with a space after each character in %s', (text, url, host) => {
    const [found] = findUrls(text)
    expect(found).toMatchObject({ url, host })
    expect(text.slice(found.start, found.end).replaceAll(' ', '')).toBe(url)
  })

  it.each([['型号 A 3 . 5 寸'], ['比分 3 : 1 结束'], ['评分 a b c . 好评']])('finds no spaced URL in %j', text => {
    expect(findUrls(text)).toEqual([])
  })

  it('finds several URLs in one message', () => {
    expect(findUrls('a.com 和 https://b.cn/x 以及 www.c.io').map(u => u.host)).toEqual(['a.com', 'b.cn', 'www.c.io'])
  })
})

describe('links rule', () => {
  const matcher = matcherOf({}, ['example.com', 'mp.weixin.qq.com'])

  it.each([
    ['https://example.com/a', null],
    ['https://a.example.com/a', null],
    ['http://deep.sub.example.com', null],
    ['https://EXAMPLE.COM./x', null],
    ['https://mp.weixin.qq.com/s/abc', null],
    ['https://example.com.evil.io/login', 'example.com.evil.io'],
    ['https://evilexample.com', 'evilexample.com'],
    ['http://example.com@evil.io/', 'evil.io'],
    ['https://weixin.qq.com', 'weixin.qq.com'],
    ['http://45.77.12.9/app.apk', '45.77.12.9'],
    ['ｈｔｔｐｓ：／／ｅｖｉｌ．ｃｏｍ', 'evil.com'],
  ])('checkUrl(%s) reports host %s', (url, host) => {
    const match = matcher.checkUrl(url)
    if (host === null) expect(match).toBeNull()
    else expect(match).toMatchObject({ category: 'link', term: host, start: 0, end: url.length, matched: url })
  })

  it('reports a host written with 点 in a message without any dot, and allows the company site so written', () => {
    expect(matcher.scan('下载地址 www点apk-free点cc 复制打开').map(m => [m.term, m.matched])).toEqual([
      ['www.apk-free.cc', 'www点apk-free点cc'],
    ])
    expect(matcher.scan('官网 www点example点com 有说明书')).toEqual([])
  })

  it('reports an allowed domain whose TLD is written with look-alike letters (.corn, .c0m for .com)', () => {
    expect(matcher.scan('活动详情 example.corn/sale 点开看').map(m => [m.category, m.term])).toEqual([
      ['link', 'example.corn'],
    ])
    expect(matcher.scan('报名入口 mp.weixin.qq.c0m/s/x1 快点').map(m => m.term)).toEqual(['mp.weixin.qq.c0m'])
    expect(matcher.scan('新版本 v2.0 下周上线，官网 example.com 有说明')).toEqual([])
  })

  // A phishing link imitating the company's own site with a letter of another script (Cyrillic а) was reported
  // as broken pieces (域名 ex, mple.com) the admin could not read as the company's domain (newuser9).
  it.each([
    ['官网 https://ex\u0430mple.com/login', 'ex\u0430mple.com', 'https://ex\u0430mple.com/login'],
    ['官网 exampl\u0435.com/x 点开', 'exampl\u0435.com', 'exampl\u0435.com/x'],
    ['登录 www.EX\u0410MPLE.com 领奖', 'www.ex\u0430mple.com', 'www.EX\u0410MPLE.com'],
    ['官网 ex\u0430mple点com 领奖', 'ex\u0430mple.com', 'ex\u0430mple点com'],
  ])('reports %s as one link, the whole host, imitating the allowed domain', (text, term, matched) => {
    expect(matcher.scan(text).map(m => [m.kind, m.term, m.matched, m.imitates])).toEqual([
      ['link', term, matched, 'example.com'],
    ])
  })

  it("says which allowed domain a look-alike TLD or a QR code's punycode host imitates", () => {
    expect(matcher.scan('活动详情 example.corn/sale').map(m => m.imitates)).toEqual(['example.com'])
    expect(matcher.checkUrl('https://xn--exmple-4nf.com/a')).toMatchObject({
      term: 'ex\u0430mple.com',
      imitates: 'example.com',
    })
  })

  it('reports a host with look-alike letters that imitates no allowed domain as written, naming none', () => {
    expect(matcher.scan('下载 g\u043e\u043egle.com/app').map(m => [m.term, m.imitates])).toEqual([
      ['g\u043e\u043egle.com', undefined],
    ])
    expect(matcher.scan('Привет, все хорошо. Спасибо')).toEqual([])
  })

  it('checkUrl ignores text that is not a URL', () => {
    expect(matcher.checkUrl('not a url at all')).toBeNull()
    expect(matcher.checkUrl('http://')).toBeNull()
  })

  it('reports disallowed links found in messages, with offsets', () => {
    const text = '公司官网 https://www.example.com/news 和 https://coupon.top/get 看看'
    const start = text.indexOf('https://coupon')
    expect(matcher.scan(text)).toEqual([
      {
        category: 'link',
        term: 'coupon.top',
        start,
        end: start + 22,
        matched: 'https://coupon.top/get',
        kind: 'link',
      },
    ])
  })

  it.each([
    ['打开evil。com领取'],
    ['打开evil．top领取'],
    ['打开evil｡top领取'],
    ['ｈｔｔｐｓ：／／ｅｖｉｌ．ｃｏｍ'],
    ['公网 45.77.0.1:8080 可以访问'],
    ['傻逼 打开evil。com领取'],
  ])(
    'finds the link in %s, with or without a term hit (the scan skips the URL search only without a dot or colon)',
    text => {
      expect(
        matcherOf({ insult: ['傻逼'] }, ['example.com'])
          .scan(text)
          .some(m => m.kind === 'link'),
      ).toBe(true)
    },
  )

  it('gives the shared empty result for a message without links or terms', () => {
    expect(Object.isFrozen(matcher.scan('今天开会，大家准时到'))).toBe(true)
    expect(Object.isFrozen(matcher.scan('今天。明天'))).toBe(true)
  })

  it('reports no links when the dictionary has no links rule', () => {
    expect(matcherOf({ porn: ['色情'] }).scan('https://evil.io')).toEqual([])
  })
})

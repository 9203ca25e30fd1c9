/**
 * The amount of a transfer, read from the message XML a puppet passes on. WeChat states it in the transfer's
 * `<msg><appmsg><type>2000</type><wcpayinfo><feedesc><![CDATA[￥5.00]]></feedesc>` (or `<totalfee>` in fen on some
 * clients). The XML is read as elements, not searched: only those fields directly under the `<wcpayinfo>` of an
 * `<appmsg>` of type 2000 count, so a greeting or memo the payer typed (a red packet's `receivertitle`, a
 * transfer's `pay_memo`) that spells `<feedesc>￥999</feedesc>` states nothing. A red packet (type 2001) never has
 * an amount: WeChat keeps its sum hidden until opened, so whatever amount its XML carries came from the sender.
 */

/** One element of the XML: its name, its own text (CDATA included) and its child elements. */
interface XmlElement {
  name: string
  text: string
  children: XmlElement[]
}

/** A CDATA section, a comment, a declaration, a tag (closing, opening, self-closing) or text. */
const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|([^<]+)|</g

/** The XML's root element; undefined when it is not well formed (a tag closed out of order, one left open). */
function parseXml(xml: string): XmlElement | undefined {
  const root: XmlElement = { name: '', text: '', children: [] }
  const open = [root]
  for (const m of xml.matchAll(TOKEN)) {
    const top = open[open.length - 1]
    const [token, cdata, closing, name, selfClosing, text] = m
    if (cdata !== undefined) top.text += cdata
    else if (text !== undefined) top.text += text
    else if (name === undefined) {
      if (token === '<') return undefined
    } else if (closing) {
      if (top.name !== name || open.length === 1) return undefined
      open.pop()
    } else {
      const el: XmlElement = { name, text: '', children: [] }
      top.children.push(el)
      if (!selfClosing) open.push(el)
    }
  }
  return open.length === 1 && root.children.length === 1 ? root.children[0] : undefined
}

/** The only child element named `name`; undefined when there is none or more than one. */
function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  const found = el?.children.filter(c => c.name === name) ?? []
  return found.length === 1 ? found[0] : undefined
}

/** The `<wcpayinfo>` of a transfer (`<appmsg>` of type 2000, alone or in `<msg>`); undefined for anything else. */
function transferInfo(xml: string): XmlElement | undefined {
  const root = parseXml(xml)
  const appmsg = root?.name === 'appmsg' ? root : root?.name === 'msg' ? child(root, 'appmsg') : undefined
  return child(appmsg, 'type')?.text.trim() === '2000' ? child(appmsg, 'wcpayinfo') : undefined
}

const YUAN = /^\s*[￥¥]\s*(\d+(?:\.\d{1,2})?)\s*$/
const FEN = /^\s*(\d+)\s*$/

/** The amount in yuan a transfer's XML states; undefined when it states none, and always for a red packet. */
export function parsePaymentAmount(xml: string): number | undefined {
  const info = transferInfo(xml)
  const yuan = YUAN.exec(child(info, 'feedesc')?.text ?? '')
  if (yuan) return Number(yuan[1])
  const fen = FEN.exec(child(info, 'totalfee')?.text ?? '')
  return fen ? Number(fen[1]) / 100 : undefined
}

/**
 * Whom a transfer is to, as its XML names them (`<receiver_username>` under `<wcpayinfo>`: in a group a transfer
 * goes to one member, not necessarily the bot); undefined when it names no one.
 */
export function parsePaymentPayee(xml: string): string | undefined {
  const payee = child(transferInfo(xml), 'receiver_username')?.text.trim()
  return payee && /^\S+$/.test(payee) ? payee : undefined
}

/**
 * Who paid, when the message is a transfer's receipt (`<paysubtype>3</paysubtype>`: its receiver accepted it, and the
 * receipt comes from them) naming the payer (`<payer_username>`); undefined for a transfer still to accept (1) or
 * returned (4), and for anything else.
 */
export function parseTransferPayer(xml: string): string | undefined {
  const info = transferInfo(xml)
  if (child(info, 'paysubtype')?.text.trim() !== '3') return undefined
  const payer = child(info, 'payer_username')?.text.trim()
  return payer && /^\S+$/.test(payer) ? payer : undefined
}

const SECONDS = /^\s*(\d{9,11})\s*$/

/**
 * When the payer sent the transfer (ms), as its XML states it (`<begintransfertime>` under `<wcpayinfo>`, Unix
 * seconds; a receipt repeats its transfer's): what a fine owed is judged at, not when the receiver got round to
 * accepting it. Undefined when the XML states none.
 */
export function parseTransferTime(xml: string): number | undefined {
  const seconds = SECONDS.exec(child(transferInfo(xml), 'begintransfertime')?.text ?? '')
  return seconds ? Number(seconds[1]) * 1000 : undefined
}

/**
 * A transfer message stating `amount` as WeChat writes it (what the sandbox delivers; `parsePaymentAmount` reads it
 * back): to `payee` when given, or its receipt (`payer`: the sender accepted a transfer from them).
 */
export function formatTransferXml(amount: number, to: { payee?: string; payer?: string } = {}): string {
  const stage = to.payer
    ? `<paysubtype>3</paysubtype><payer_username>${to.payer}</payer_username>`
    : '<paysubtype>1</paysubtype>'
  const payee = to.payee ? `<receiver_username>${to.payee}</receiver_username>` : ''
  return `<msg><appmsg><title><![CDATA[微信转账]]></title><type>2000</type><wcpayinfo><feedesc><![CDATA[￥${amount.toFixed(2)}]]></feedesc>${stage}${payee}</wcpayinfo></appmsg></msg>`
}

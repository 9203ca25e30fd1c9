/**
 * The amount of a red packet or transfer, read from the message XML a puppet passes on. WeChat puts it in a
 * transfer (`<wcpayinfo><feedesc><![CDATA[￥5.00]]></feedesc>`, or `<totalfee>` in fen on some clients); a red
 * packet's XML carries no amount (its sum stays hidden until opened), so for red packets the amount is known
 * only from a puppet that adds it in the same form.
 */

const FEEDESC = /<feedesc>\s*(?:<!\[CDATA\[)?\s*[￥¥]\s*(\d+(?:\.\d{1,2})?)\s*(?:\]\]>)?\s*<\/feedesc>/
const TOTALFEE = /<totalfee>\s*(\d+)\s*<\/totalfee>/
const RECEIVER = /<receiver_username>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)\s*(?:\]\]>)?\s*<\/receiver_username>/

/** The amount in yuan a payment message states; undefined when it states none. */
export function parsePaymentAmount(xml: string): number | undefined {
  const fee = FEEDESC.exec(xml)
  if (fee) return Number(fee[1])
  const fen = TOTALFEE.exec(xml)
  return fen ? Number(fen[1]) / 100 : undefined
}

/**
 * Whom a transfer is to, as its XML names them (`<receiver_username>`: in a group a transfer goes to one member,
 * not necessarily the bot); undefined when it names no one.
 */
export function parsePaymentPayee(xml: string): string | undefined {
  return RECEIVER.exec(xml)?.[1]
}

/**
 * A payment message stating `amount` as WeChat writes a transfer's (what the sandbox delivers for a red packet or
 * transfer whose amount is given; `parsePaymentAmount` reads it back).
 */
export function formatPaymentXml(type: 2000 | 2001, title: string, amount: number): string {
  return `<msg><appmsg><title><![CDATA[${title}]]></title><type>${type}</type><wcpayinfo><feedesc><![CDATA[￥${amount.toFixed(2)}]]></feedesc></wcpayinfo></appmsg></msg>`
}

/**
 * Whether a message passes something on outside the company's staff: to a customer, a customer group, out of
 * the company, or privately to someone. A confidential term a staff member names in an internal group is the
 * staff's own business (`下季度提成比例周一例会上统一宣布`) unless the message passes it on
 * (`内部价格表我晚点私发给客户`): see the `outward` scope.
 */

/** Verbs of passing on, with whom to, or of letting out: `发给客户`, `私发`, `外传`, `转给他`, `透露给`, `带出去`. */
const PASSED_ON =
  /(?:发|转|转发|传|拍|截图|复制|拿|卖|透露|告诉|报)(?:给|到)(?:客户|客人|外人|别人|对方|他|她|同行|竞品|经销商|外面|群)|发(?:到|在)?客户群|私发|私下发|外传|外发|外泄|泄露|泄密|发出去|带出去|传出去|拿出去|发朋友圈/u

/** True when the text passes something on outside the staff (see PASSED_ON). */
export function passesOutward(text: string): boolean {
  return PASSED_ON.test(text)
}

/**
 * Scorn of someone or something outside the hit (`蠢货店的老板是个傻子`, `@SB宋斌 滚`; revnames): then an insult in a
 * name is still one.
 */
export const SCORN =
  /是个|恶心|傻子|脑残|有病|垃圾|废物|去死|(?<!滚)滚(?:吧|开|出|蛋|$|[\s\p{P}])|蠢|脑子|妈的|去你|狗东西|一个样|[他她它人]一样/u

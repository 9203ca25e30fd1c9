/**
 * The speaker vouching for what a report names (issue #22, f47): `质量还挺高的，我买过`, `挺准的`, `我也想要一份`. A
 * report that praises, has bought or wants the thing is no report: talked-about-frames.ts keeps the hit.
 */

/**
 * The speaker's own purchase, play or wish (`我买过`, `我也玩过`, `我也想要`, `我已经入了`), an invitation to whoever is
 * interested (`有兴趣可以问我`; freport), praise of the goods (`质量还挺高`,
 * `画质很清楚`, `挺准的`, `挺好玩的`), word that it works (`确实能领`, `真的能提现`; rev47) or agreement with what was said
 * (`说得对`, `没说错`, `一点没错`) or the speaker having the goods (`我有资源`, `我这也有全集`; f5051).
 */
export const ENDORSED =
  /说得(?:对|没错|好|在理|有道理)|没说错|一点(?:都|也)?没错|我(?:这|那)?(?:里|边)?(?:也|还|都)?有(?:资源|货|链接|全集|高清|原版|完整版|更多)|我(?:也|都|之前|以前)?(?:买过|玩过|用过|试过|下过单)|我(?:已经|也|早就?)入(?:了|过)(?!群|会)|有兴趣(?:的)?(?:可以|就)?(?:问|找|私|联系|加)|我也(?:想要|要了|想买|想玩)|(?:质量|效果|画质|资源|内容)(?:还|也|真)?(?:挺|很|蛮|超|特别)(?:高|好|清楚|清晰|全|不错|顶)|挺(?:准|好看|好玩|爽|刺激)的|(?:确实|真的?)(?:能|可以)(?:领|提现|到账|赚|中|赢)/u

/** Words affirming what was said (`确实是`, `的确`, `果然`, `本来就是`, `绝对是`), before the claim's own word again. */
const AFFIRMED = '(?:确实|的确|真的|果然|本来就|肯定|绝对|就)(?:就)?(?:是)?(?:个|一个)?'

/**
 * True if the speaker affirms the hit's claim after it, its last two characters said again after an affirming word
 * (AFFIRMED): `有人说老板是骗子，已经上报了，确实是骗子` repeats the accusation as their own (rev5051). `…已经上报了，确实
 * 很气人` affirms something else.
 */
export function affirmsClaim(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false
  const tail = text.slice(end - 2, end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`${AFFIRMED}${tail}`, 'u').test(text.slice(end))
}

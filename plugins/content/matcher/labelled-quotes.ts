/**
 * Quotations a message labels as words or a kind of post (issue #22, f47): `收到“兼职刷单”“日赚几百”这种消息一律别信`
 * names both, so the pitch guard should not read the second as the speaker's pitch.
 */

/**
 * A run of quoted items (maybe joined by 、 or 和), then a label that names them as words or posts: `“日赚几百”这种`,
 * `“约炮”“裸聊”之类`, `“稳赚”等字眼`, `“扫码进群”的消息`.
 */
const LABELLED_RUN =
  /(?:[、和及与或]?[“‘「『"][^”’」』"，,；;。！!？?\n]{1,12}[”’」』"])+(?=之类|这类|这种|一类|等(?:词|字|话|内容|言论|字眼|信息|消息|说法|用语)|的(?:话|消息|信息|短信|广告|小广告|链接|帖子|说法|字眼))/gu

/** The rest of a clause that holds the speaker: `之类的私下问我`, `这种的在我这` (the label is the speaker's stock). */
const SPEAKER_IN_REST = /^[^，,；;。！!？?\n]*[我咱]/u

/**
 * The text with every labelled run of quotations (see LABELLED_RUN) blanked to spaces, offsets kept; not a run whose
 * clause goes on to the speaker (SPEAKER_IN_REST: `“同城约”“上门服务”之类的私下问我`; rev47).
 */
export function withoutLabelledQuotes(text: string): string {
  return text.replace(LABELLED_RUN, (run: string, at: number) =>
    SPEAKER_IN_REST.test(text.slice(at + run.length)) ? run : ' '.repeat(run.length),
  )
}

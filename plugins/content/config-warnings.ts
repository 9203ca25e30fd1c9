import { loadDictionaryFiles, warningText } from './matcher/index.js'
import { BUILTIN_DEFAULT, type ContentConfig } from './config.js'
import { DEFAULT_RULES } from './texts.js'

/**
 * What `check-config` says about a valid content section: each dictionary category whose warning has no rule of its
 * own (a company's new category: the customer would read only 「禁止发布违规内容」), with the key to set; and the
 * dictionary's load warnings (a term in two categories, a `disable` that switches nothing off); and a dictionary list
 * with no category at all (a company file with only its `links` section, listed without the shipped one).
 */
export function contentConfigWarnings(cfg: ContentConfig): string[] {
  let loaded: ReturnType<typeof loadDictionaryFiles>
  try {
    loaded = loadDictionaryFiles(cfg.dictionaries)
  } catch {
    return [] // a dictionary that does not load is a config problem of its own
  }
  const { categories, links } = loaded.dictionary
  const named = [
    ...Object.entries(categories).map(([key, c]) => ({ key, label: c.label })),
    ...(links ? [{ key: links.category, label: links.label }] : []),
  ]
  const bare = named.filter(c => !cfg.rules[c.key] && !DEFAULT_RULES[c.key])
  const noCategories =
    Object.keys(categories).length === 0
      ? [
          `⚠️ 词库里没有任何类别：${links ? '只检查链接，' : ''}不会命中任何违禁词。公司词库只往自带词库里加内容，要把自带词库列在前面：dictionaries: [${BUILTIN_DEFAULT}, …] ` +
            `(the dictionaries define no category${links ? ': only links are checked' : ''}; list ${BUILTIN_DEFAULT} first)`,
        ]
      : []
  return [
    ...noCategories,
    ...bare.map(
      c =>
        `⚠️ 词库类别 ${c.key}（${c.label}）没有自己的群规：警告里只会说「禁止发布违规内容」。请写 plugins.content.rules.${c.key}，如 rules: { ${c.key}: 禁止… }（不要写词条本身） ` +
        `(category ${c.key} has no rule text: warnings quote the generic rule; set plugins.content.rules.${c.key})`,
    ),
    ...loaded.warnings.map(w => `⚠️ 词库 dictionary: ${warningText(w)}`),
  ]
}

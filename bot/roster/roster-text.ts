/** What to do with a roster Excel saved in another format. */
const SAVE_AS_UTF8 = '请在 Excel 里另存为「CSV UTF-8」(save it from Excel as "CSV UTF-8")'

/** Said with a problem in a file that was not UTF-8 and was read as GBK: it may have been another encoding. */
export const READ_AS_GBK = `文件不是 UTF-8，已按 GBK 读取；如果表头看起来没问题，${SAVE_AS_UTF8}`

/** A zip archive (.xlsx, .ods) or an OLE compound file (.xls): a workbook, not text. */
const WORKBOOK_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])]

/** Characters no roster has (NUL and the other C0 controls but tab and line ends): UTF-16 or binary read as text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/**
 * The text of a roster file: UTF-8 (with or without BOM), or GBK, what Excel on Chinese Windows saves as
 * "CSV (逗号分隔)". For a workbook (.xlsx, .xls) or text in another encoding: the problem, in Chinese, with how
 * to save the file from Excel.
 */
export function rosterText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } | { problem: string } {
  if (WORKBOOK_MAGIC.some(m => bytes.subarray(0, m.length).equals(m)))
    return { problem: `这是 Excel 工作簿，不是 CSV 文本 (an Excel workbook, not CSV)：${SAVE_AS_UTF8}` }
  for (const encoding of ['utf-8', 'gbk'] as const) {
    const text = decode(bytes, encoding)
    // Node's GBK decoder skips some invalid bytes (0xFF) even when fatal: control characters give UTF-16 away.
    if (text !== undefined && !CONTROL.test(text)) return { text, encoding }
  }
  return { problem: `文件不是 UTF-8 或 GBK 编码的文本 (not UTF-8 or GBK text)：${SAVE_AS_UTF8}` }
}

/** `bytes` decoded strictly, or undefined when they are not valid in `encoding` (or Node lacks that encoding). */
function decode(bytes: Buffer, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * The cells of one CSV line as Excel and WPS write them: a cell holding a comma or a quote is quoted (`"销售部,二组"`)
 * and its quotes doubled (`"a ""b"""`). Undefined when a quote is left open (a cell that runs on to the next line,
 * which a roster never needs).
 */
export function csvCells(line: string): string[] | undefined {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch !== '"') cell += ch
      else if (line[i + 1] === '"') cell += line[++i]
      else quoted = false
    } else if (ch === '"' && !cell.trim()) {
      cell = ''
      quoted = true
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  if (quoted) return undefined
  cells.push(cell)
  return cells
}

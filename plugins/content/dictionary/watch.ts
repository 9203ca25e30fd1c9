import { unwatchFile, watchFile, type Stats } from 'node:fs'

/**
 * Infrastructure: poll the dictionary files (stat every `intervalMs`, which
 * survives editors that save by renaming) and call `onChange` when one's size
 * or modification time changes. Does not keep the process alive. Returns a
 * function that stops watching (the plugin's `stop` hook calls it).
 */
export function watchDictionaries(files: string[], onChange: () => void, intervalMs = 2000): () => void {
  const listener = (cur: Stats, prev: Stats) => {
    if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size) onChange()
  }
  for (const f of files) watchFile(f, { persistent: false, interval: intervalMs }, listener)
  return () => {
    for (const f of files) unwatchFile(f, listener)
  }
}

import { shipped } from '../package-root.js'
import { join, resolve } from 'node:path'
import { EXAMPLE_CONFIG, readEnv } from '../env.js'
import { runReplay } from '../replay/run-replay.js'
import { TranscriptError } from '../replay/transcript.js'

/** `replay FILE.jsonl [--config F] [--world F] [--out DIR] [--live]`: back-test rules on a transcript. */
export async function replayCommand(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const transcript = argv.find((a, i) => !a.startsWith('--') && !['--config', '--world', '--out'].includes(argv[i - 1]))
  if (!transcript) {
    process.stderr.write('usage: replay FILE.jsonl [--config F] [--world F] [--out DIR] [--live]\n')
    return 2
  }
  const env = readEnv()
  const outDir = resolve(flag('--out') ?? join(env.dataDir, 'replay'))
  try {
    const { skipped } = await runReplay({
      transcript: resolve(transcript),
      configFile: resolve(flag('--config') ?? (process.env.BOT_CONFIG ? env.configFile : EXAMPLE_CONFIG)),
      worldFile: flag('--world') ? resolve(flag('--world') as string) : shipped('data/demo/world.yaml'),
      outDir,
      live: argv.includes('--live'),
      out: process.stdout,
      logLevel: env.logLevel === 'info' ? 'warn' : env.logLevel,
    })
    return skipped ? 1 : 0
  } catch (e) {
    if (e instanceof TranscriptError) {
      process.stderr.write(`❌ transcript invalid:\n${e.problems.map(p => `  - ${p}`).join('\n')}\n`)
      return 1
    }
    throw e
  }
}

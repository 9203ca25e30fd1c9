import { shipped } from '../package-root.js'
import { join, resolve } from 'node:path'
import { EXAMPLE_CONFIG, readEnv } from '../env.js'
import { runReplay } from '../replay/run-replay.js'
import { TranscriptError } from '../replay/transcript.js'
import { OutputFolderError } from '../replay/output-folder.js'
import { defineCli, UsageError } from './args.js'

const CLI = defineCli({
  usage: 'usage: replay FILE.jsonl [--config F] [--world F] [--out DIR] [--live]',
  options: {
    config: { type: 'string' },
    world: { type: 'string' },
    out: { type: 'string' },
    live: { type: 'boolean', default: false },
  },
  positionals: { min: 1, max: 1, name: 'FILE.jsonl' },
})

/** `replay FILE.jsonl [--config F] [--world F] [--out DIR] [--live]`: back-test rules on a transcript. */
export async function replayCommand(argv: string[]): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(process.stderr)
  const { values: flags, positionals } = parsed
  const [transcript] = positionals
  const env = readEnv()
  const outDir = resolve(flags.out ?? join(env.dataDir, 'replay'))
  try {
    const { skipped } = await runReplay({
      transcript: resolve(transcript),
      configFile: resolve(flags.config ?? (process.env.BOT_CONFIG ? env.configFile : EXAMPLE_CONFIG)),
      worldFile: flags.world ? resolve(flags.world) : shipped('data/demo/world.yaml'),
      outDir,
      live: flags.live,
      out: process.stdout,
      logLevel: env.logLevel === 'info' ? 'warn' : env.logLevel,
    })
    return skipped ? 1 : 0
  } catch (e) {
    if (e instanceof OutputFolderError) {
      process.stderr.write(`❌ ${e.message}\n`)
      return 1
    }
    if (e instanceof TranscriptError) {
      process.stderr.write(`❌ 回放记录有误 transcript invalid:\n${e.problems.map(p => `  - ${p}`).join('\n')}\n`)
      return 1
    }
    throw e
  }
}

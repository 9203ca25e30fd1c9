import { type ParseArgsConfig, parseArgs } from 'node:util'
import { checkDayRange, type DayRange } from '../time/day-range.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>

/** Exit code of a usage error (unknown option, missing or bad value): the subcommand's usage line is printed. */
export const EXIT_USAGE = 2

/** A subcommand's command line: its usage line, typed options (`node:util` parseArgs) and how many positionals. */
export interface CliSpec<O extends Options> {
  usage: string
  options: O
  /** Positional arguments it takes (default none), and what the first one is called in "missing …". */
  positionals?: { min?: number; max?: number; name?: string }
  /** Exit code of a usage error, when the command already gives 2 another meaning (default `EXIT_USAGE`). */
  exitCode?: number
}

/** A bad command line: `report` prints the problem and the usage line and returns the exit code. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
    readonly exitCode = EXIT_USAGE,
  ) {
    super(message)
  }

  /** Write the problem and the usage line to `err`; returns the exit code. */
  report(err: NodeJS.WritableStream): number {
    err.write(`${this.message}\n${this.usage}\n`)
    return this.exitCode
  }
}

/** A subcommand's argument parser: typed values and positionals, or a `UsageError`. */
export interface Cli<O extends Options> {
  usage: string
  parse(argv: readonly string[]): Parsed<O> | UsageError
  /** A usage error for a value the parser cannot judge (a bad date, an unknown format). */
  error(message: string): UsageError
}

/** The one way CLI subcommands read their arguments: strict `parseArgs` with short, uniform usage errors. */
export function defineCli<const O extends Options>(spec: CliSpec<O>): Cli<O> {
  const error = (message: string) => new UsageError(message, spec.usage, spec.exitCode)
  return {
    usage: spec.usage,
    error,
    parse(argv) {
      let parsed: Parsed<O>
      try {
        parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true })
      } catch (e) {
        return error(parseProblem(e as Error & { code?: string }))
      }
      const { min = 0, max = 0, name } = spec.positionals ?? {}
      const extra = parsed.positionals[max]
      if (extra !== undefined) return error(`多余的参数 ${extra}（unexpected argument）`)
      if (parsed.positionals.length < min)
        return error(name ? `缺少 ${name}（missing ${name}）` : '缺少参数（missing argument）')
      return parsed
    },
  }
}

/**
 * `--from`/`--to` read as the console and `#记录` read typed days (`checkDayRange`: `2026-11-30`, `2026/11/30`): a day
 * that does not exist or a range that runs backwards is a usage error with the same Chinese message. A missing end
 * is the other one (a single day); the caller tells whether an end was given.
 */
export function dayRangeOption(
  cli: Pick<Cli<Options>, 'error'>,
  fromText: string | undefined,
  toText: string | undefined,
): DayRange | UsageError {
  const r = checkDayRange(fromText ?? toText ?? '', toText ?? fromText ?? '', 'cli')
  return r.ok ? r.range : cli.error(r.error.startsWith('--') ? r.error : `--from/--to：${r.error}`)
}

/**
 * Take some string options out of a command line and leave the rest untouched for the command it wraps (the state
 * folder and output file around an export). A missing value is a usage error.
 */
export function takeOptions<const N extends string>(
  argv: readonly string[],
  names: readonly N[],
  usage: string,
): { values: Partial<Record<N, string>>; rest: string[] } | UsageError {
  const options = Object.fromEntries(names.map(name => [name, { type: 'string' as const }]))
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true })
  const values: Partial<Record<N, string>> = {}
  const taken = new Set<number>()
  for (const token of tokens) {
    if (token.kind !== 'option' || !names.includes(token.name as N)) continue
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      return new UsageError(`${token.rawName} 缺少值（missing value）`, usage)
    values[token.name as N] = token.value
    taken.add(token.index)
    if (!token.inlineValue) taken.add(token.index + 1)
  }
  return { values, rest: argv.filter((_, i) => !taken.has(i)) }
}

function parseProblem(e: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? ''
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有选项 ${option}（unknown option）`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(e.message)
        ? `${option} 不带值（takes no value）`
        : `${option} 缺少值（missing value）`
    default:
      return e.message
  }
}

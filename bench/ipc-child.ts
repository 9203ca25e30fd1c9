/** A bench child process (forked under tsx) that answers one IPC request at a time: the pipeline lines' variants. */
import { fork } from 'node:child_process'

/** A child process answering one IPC request at a time. */
export interface Child {
  /** Send `request` and wait for the answer (at most `timeoutMs` when given, else the child's default). */
  ask<R>(request: unknown, timeoutMs?: number): Promise<R>
  /** Wait for the child's next message without sending (its first, unasked message). */
  next<R>(timeoutMs?: number): Promise<R>
  /** Ask it to stop and wait until it exits (nothing when it has already). */
  stop(): Promise<void>
}

/**
 * Fork `file` under tsx (stdout ignored, stderr shown) as a Child; `name` names it in errors, `defaultTimeoutMs`
 * bounds every wait unless a call gives its own (no bound when neither does).
 */
export function forkChild(
  file: string,
  { args = [], nodeArgs = [], name = file, defaultTimeoutMs }: ForkOptions = {},
): Child {
  const proc = fork(file, args, {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const next = <T>(timeoutMs = defaultTimeoutMs) =>
    new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => reject(new Error(`${name}: no answer within ${timeoutMs} ms`)), timeoutMs)
      const exited = (code: number | null) => reject(new Error(`${name} exited (${code})`))
      proc.once('exit', exited)
      proc.once('message', m => {
        clearTimeout(timer)
        proc.off('exit', exited)
        resolve(m as T)
      })
    })
  return {
    next,
    ask<T>(request: unknown, timeoutMs?: number) {
      const answer = next<T>(timeoutMs)
      proc.send(request as object)
      return answer
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return
      const exited = new Promise(r => proc.once('exit', r))
      proc.send('stop')
      await exited
    },
  }
}

/** How forkChild starts a child. */
export interface ForkOptions {
  args?: string[]
  /** Node options after `--import tsx`. */
  nodeArgs?: string[]
  name?: string
  defaultTimeoutMs?: number
}

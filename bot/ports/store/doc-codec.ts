import { type DocSpec, NEWER_VERSION } from './store.js'

/** The field that carries a stored document's version (absent in files written before versions: version 0). */
export const VERSION_KEY = '$version'

/** A stored document that cannot be used as it is; `reason` is one line. */
export class DocDamage extends Error {
  constructor(
    readonly reason: string,
    /** True for a version this release does not know (written by a newer one): always refused. */
    readonly newer = false,
  ) {
    super(reason)
  }
}

/** Turn parsed file contents into current-version data: migrate, validate; throws `DocDamage`. */
export function decodeDoc<T>(raw: unknown, spec: DocSpec<T>): T {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DocDamage('wrong shape: not a JSON object')
  const { [VERSION_KEY]: stored, ...rest } = raw as Record<string, unknown>
  const version = stored === undefined ? 0 : stored
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new DocDamage(`unknown version ${JSON.stringify(version)}`, true)
  if (version > spec.version) throw new DocDamage(`version ${version} ${NEWER_VERSION} (${spec.version})`, true)
  let data: unknown = rest
  for (let v = version; v < spec.version; v++) {
    const step = spec.migrations?.[v] ?? (v === 0 ? fillDefaults(spec) : undefined)
    if (!step) throw new DocDamage(`no migration from version ${v}`, true)
    data = step(data)
  }
  if (spec.accepts?.(data)) return data as T
  const checked = spec.schema.safeParse(data)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new DocDamage(`wrong shape: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  // The schema only checks; the data is kept as stored, so fields a schema does not list are never dropped.
  return data as T
}

/**
 * The document as it is written: its data with the current version (first). Spliced into the data's JSON, as
 * `encodeDocBytes` does: a copy of the data with the version in front (`{ $version, ...data }`) took hidden
 * classes that died with the copy at the next full garbage collection, and the optimised code of every writer
 * that had seen one with them.
 */
export function encodeDoc<T>(data: T, spec: DocSpec<T>): string {
  const body = JSON.stringify(data)
  return versionHead(spec, body.length) + body.slice(1)
}

/**
 * `encodeDoc` as UTF-8, from the spec's `encode` when it has one (the version still first). Without one, the
 * data's JSON is encoded straight into the bytes after the version: `encodeDoc`'s string (the version joined to
 * the JSON) was copied whole once more when the write flattened it, a second copy of a document of hundreds of
 * KB on the heap at each flush. `line`: followed by a line feed (the snapshot line of a document kept as changes).
 */
export function encodeDocBytes<T>(data: T, spec: DocSpec<T>, line = false): Buffer {
  const end = line ? 1 : 0
  if (!spec.encode) {
    const body = JSON.stringify(data)
    const head = versionHead(spec, body.length)
    const bytes = Buffer.allocUnsafe(head.length - 1 + Buffer.byteLength(body) + end)
    // The JSON's opening `{` lands on the head's last byte, which the head (ASCII) then writes over.
    const written = bytes.write(body, head.length - 1)
    bytes.write(head, 0, 'latin1')
    if (line) bytes[head.length - 1 + written] = 0x0a
    return bytes
  }
  const chunks = spec.encode(data)
  const length = chunks.reduce((n, c) => n + c.length, 0)
  chunks[0] = chunks[0].subarray(1)
  return Buffer.concat([Buffer.from(versionHead(spec, length)), ...chunks, ...(line ? [NEWLINE] : [])])
}

const NEWLINE = Buffer.from('\n')

/** What replaces the data's opening `{` (of JSON `dataLength` long): the version first, then a comma unless the data is `{}`. */
function versionHead(spec: DocSpec<unknown>, dataLength: number): string {
  return `{"${VERSION_KEY}":${spec.version}${dataLength > 2 ? ',' : ''}`
}

function fillDefaults<T>(spec: DocSpec<T>): (old: unknown) => unknown {
  return old => ({ ...spec.defaults(), ...(old as object) })
}

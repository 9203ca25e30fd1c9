/**
 * Views are read-only queries a plugin offers the web console (`bot/console/`), typed, so the console never
 * reads a plugin's stored documents by name. A plugin declares its views in its `views.ts`:
 *
 * ```ts
 * declare module '../../bot/core/views.js' {
 *   interface Views { ack: AckViews }
 * }
 * ```
 *
 * and returns them from `create` as `views: ackViews(...)`. Views only read; every change the console makes
 * goes through a chat command or a runtime function, so it is audited and sent like one typed in chat.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by plugins (declaration merging)
export interface Views {}

/** The name of a plugin that declared views. */
export type ViewsName = keyof Views

/**
 * The package's public API: the plugin contract (events, actions, definePlugin),
 * the shipped plugins, and the app builder that wires them onto Wechaty.
 */
export type * from './core/actions.js'
export type * from './core/event.js'
export type * from './core/plugin.js'
export { definePlugin } from './core/plugin.js'
/** The zod (4) the package validates its config with: build an own plugin's `configSchema` with it. */
export { z } from 'zod'
export { PLUGINS } from '../plugins/index.js'
export { createApp, type App, type AppOptions } from './app.js'
export { GroupGuard, type GroupGuardOptions } from './wechaty-plugin.js'
export { loadConfig, ConfigError, type LoadedConfig } from './config/load-config.js'
export { configReference, configJsonSchema } from './config/config-reference.js'

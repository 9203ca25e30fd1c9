import { compileAckMatcher } from './ack-words.js'
import type { AckConfig } from '../config.js'
import { parseWindows, type WorkWindow } from '../../../bot/time/working-hours.js'

/** A group's config with its recognisers built once. */
export interface GroupRules {
  cfg: AckConfig
  isAck(text: string): boolean
  windows: WorkWindow[]
}

/** Build the recognisers of one config section; throws with the config key when a value is unusable. */
export function compileRules(cfg: AckConfig): GroupRules {
  try {
    return { cfg, isAck: compileAckMatcher(cfg), windows: parseWindows(cfg.workingHours.windows) }
  } catch (e) {
    throw new Error(`ack: ${(e as Error).message}`)
  }
}

/** Compile each distinct config object once (group sections are fixed until the config is reloaded). */
export function rulesCache(): (cfg: AckConfig) => GroupRules {
  const cache = new WeakMap<AckConfig, GroupRules>()
  return cfg => {
    let rules = cache.get(cfg)
    if (!rules) cache.set(cfg, (rules = compileRules(cfg)))
    return rules
  }
}

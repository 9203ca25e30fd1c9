/** Tiny `{placeholder}` templates for the texts admins configure. */

/** Placeholders of a template that are not in `allowed` (empty when the template is valid). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map(m => m[1]).filter(k => !allowed.includes(k))
}

/** Fill `{key}` placeholders; unknown keys stay as written. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^{}]*)\}/g, (all, key: string) => values[key] ?? all)
}

import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { EVAL_FILE, SHARED_DICTIONARY, hasEvalFile, scoreEval } from './eval-helpers.js'

if (!hasEvalFile) console.warn(`skipping the evaluation: ${EVAL_FILE} or ${SHARED_DICTIONARY} is absent`)

describe.skipIf(!hasEvalFile)('evaluation on the shared labelled sample', () => {
  it('reaches precision >= 0.99 and recall >= 0.98 per (message, category)', () => {
    const { dictionary } = loadDictionaryFiles([SHARED_DICTIONARY])
    const score = scoreEval(compileMatcher(dictionary))
    const misses = [...score.falsePositives, ...score.falseNegatives].join('\n')
    console.info(`eval precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)}`)
    expect(score.precision, misses).toBeGreaterThanOrEqual(0.99)
    expect(score.recall, misses).toBeGreaterThanOrEqual(0.98)
  })
})

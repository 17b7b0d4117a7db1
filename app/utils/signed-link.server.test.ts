import { describe, expect, it } from 'vitest'
import { signLink, verifySignedLink } from './signed-link.server'

describe('signed links', () => {
  it('verify what was signed, and nothing altered or forged', () => {
    const sig = signLink(['unsubscribe', 7, 'mention'])
    expect(verifySignedLink(['unsubscribe', 7, 'mention'], sig)).toBe(true)
    expect(verifySignedLink(['unsubscribe', 8, 'mention'], sig)).toBe(false)
    expect(verifySignedLink(['unsubscribe', 7, 'reply'], sig)).toBe(false)
    expect(verifySignedLink(['unsubscribe', 7, 'mention'], sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'))).toBe(
      false,
    )
    expect(verifySignedLink(['unsubscribe', 7, 'mention'], '')).toBe(false)
    expect(verifySignedLink(['unsubscribe', 7, 'mention'], 'x'.repeat(500))).toBe(false)
    // Parts are kept apart: ['a', 'bc'] is not ['ab', 'c'].
    expect(verifySignedLink(['ab', 'c'], signLink(['a', 'bc']))).toBe(false)
  })
})

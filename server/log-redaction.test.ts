import { describe, expect, it } from 'vitest'
import { hasSecret, redactPath, redactText } from './log-redaction.mjs'

const token = 'Zk3q9TOKENx2'

describe('redactPath', () => {
  it('redacts the token of every secret route, in any shape the router still matches', () => {
    const cases: [string, string][] = [
      [`/en/reset-password/${token}`, '/en/reset-password/[redacted]'],
      [`//en//reset-password//${token}`, '/en/reset-password/[redacted]'],
      [`/ar/invitations/${token}`, '/ar/invitations/[redacted]'],
      [`/EN/Reset-Password/${token}`, '/EN/Reset-Password/[redacted]'],
      [`/en/reset-password%2F${token}`, '/en/reset-password/[redacted]'],
      [`/en/reset-password%252F${token}`, '/en/reset-password/[redacted]'],
      [`/en%2Freset-password%2f${token}`, '/en/reset-password/[redacted]'],
      [`/en\\reset-password\\${token}`, '/en/reset-password/[redacted]'],
      [`/en/x/../reset-password/./${token}`, '/en/reset-password/[redacted]'],
      [`/en/%72eset-password/${token}`, '/en/reset-password/[redacted]'],
      [`/en/reset-password/${token}/extra/more`, '/en/reset-password/[redacted]'],
      [`/en/reset-password/${token}.data?_routes=root`, '/en/reset-password/[redacted]'],
      [`/en/reset-password/${token}%E0%A4%A`, '/en/reset-password/[redacted]'],
      [`/meetings/feed/${token}.ics`, '/meetings/feed/[redacted]'],
      [`/en/meetings/feed/${token}.ics`, '/en/meetings/feed/[redacted]'],
      [`//meetings//FEED//${token}.ics`, '/meetings/FEED/[redacted]'],
      [`http://127.0.0.1:3000/en/invitations/${token}?x=1`, '/en/invitations/[redacted]'],
    ]
    for (const [path, logged] of cases) {
      expect(redactPath(path), path).toBe(logged)
      expect(redactPath(path), path).not.toContain(token)
    }
  })

  it('leaves other paths readable, without their query', () => {
    expect(redactPath('/en/resources?q=secret+search')).toBe('/en/resources')
    expect(redactPath('/en/invitations/new')).toBe('/en/invitations/new')
    expect(redactPath('/en/meetings/feed')).toBe('/en/meetings/feed')
    expect(redactPath('/ar/%D8%A8%D8%AD%D8%AB')).toBe('/ar/بحث')
    expect(redactPath('/en/%E0%A4%A')).toBe('/en/%E0%A4%A')
    expect(hasSecret('/en/resources/12')).toBe(false)
  })

  it('cannot be used to forge a log line', () => {
    expect(redactPath('/en/x%0A2026-01-01 GET /admin 200')).toBe('/en/x%0A2026-01-01%20GET%20/admin%20200')
  })
})

describe('redactText', () => {
  it('redacts secret paths inside error messages and stacks, and nothing else', () => {
    const message = `Error: No route matches URL "/en/reset-password/${token}/x"\n    at /work/main/build/server/index.js:10:3`
    expect(redactText(message)).toBe(
      'Error: No route matches URL "/en/reset-password/[redacted]"\n    at /work/main/build/server/index.js:10:3',
    )
    expect(redactText(`Failed to decode param '/en/reset-password/${token}%E0%A4%A'`)).toBe(
      "Failed to decode param '/en/reset-password/[redacted]'",
    )
    expect(redactText(`GET http://localhost:3000//en//invitations//${token} failed`)).toBe(
      'GET http://localhost:3000/en/invitations/[redacted] failed',
    )
  })
})

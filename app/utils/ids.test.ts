import { describe, expect, it } from 'vitest'
import { parseId, readId } from './ids'

describe('parseId', () => {
  it('reads a positive safe integer', () => {
    expect(parseId('1')).toBe(1)
    expect(parseId('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
    expect(readId(42)).toBe(42)
  })

  it.each([undefined, '', '0', '-1', '01', '1.5', '1e3', ' 1', '1 ', '0x10', '9007199254740993', 'abc', '١٢'])(
    'answers 404 for %j',
    (value) => {
      expect(readId(value)).toBeNull()
      let thrown: unknown
      try {
        parseId(value)
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(Response)
      expect((thrown as Response).status).toBe(404)
    },
  )
})

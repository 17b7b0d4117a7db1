import { afterEach, describe, expect, it, vi } from 'vitest'

/** Counts `new Function(…)` calls (zod's eval probe and its compiled parsers) while `run` runs. */
async function countFunctionConstructions(run: () => Promise<void> | void) {
  const original = globalThis.Function
  let count = 0
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      count++
      return Reflect.construct(target, args)
    },
  })
  try {
    await run()
  } finally {
    globalThis.Function = original
  }
  return count
}

async function freshZod() {
  vi.resetModules()
  return (await import('./zod')).z
}

describe('~/utils/zod', () => {
  afterEach(async () => {
    vi.unstubAllGlobals()
    ;(await freshZod()).config({ jitless: undefined })
  })

  // First: zod caches its probe's answer, and the browser case must show that no probe happens at all.
  it('in a browser: schemas parse without eval (no probe, no compiled parser), so a strict CSP reports nothing', async () => {
    vi.stubGlobal('document', {})
    const evals = await countFunctionConstructions(async () => {
      const z = await freshZod()
      expect(z.config().jitless).toBe(true)
      const schema = z.object({ name: z.string(), tags: z.array(z.object({ id: z.number() })) })
      expect(schema.parse({ name: 'x', tags: [{ id: 1 }] })).toEqual({ name: 'x', tags: [{ id: 1 }] })
      expect(schema.safeParse({ name: 1 }).success).toBe(false)
    })
    expect(evals).toBe(0)
  })

  it('on the server: the JIT stays on (object schemas are compiled)', async () => {
    const evals = await countFunctionConstructions(async () => {
      const z = await freshZod()
      expect(z.config().jitless).toBeFalsy()
      expect(z.object({ name: z.string() }).parse({ name: 'x' })).toEqual({ name: 'x' })
    })
    expect(evals).toBeGreaterThan(0)
  })
})

import { describe, expect, it } from 'vitest'
import { MAP_WIDTH, getWorldMap } from './world-map.server'

/** Every absolute point a compact path visits (M/m/l/z only, integers). */
function points(d: string) {
  const out: [number, number][] = []
  let [x, y, sx, sy] = [0, 0, 0, 0]
  for (const [, cmd, args] of d.matchAll(/([MmLlz])([^MmLlz]*)/g)) {
    const n = (args!.match(/-?\d+/g) ?? []).map(Number)
    if (cmd === 'z') {
      ;[x, y] = [sx, sy]
      continue
    }
    for (let i = 0; i < n.length; i += 2) {
      if (cmd === 'M' || cmd === 'L') [x, y] = [n[i]!, n[i + 1]!]
      else [x, y] = [x + n[i]!, y + n[i + 1]!]
      if (i === 0 && (cmd === 'M' || cmd === 'm')) [sx, sy] = [x, y]
      out.push([x, y])
    }
  }
  return out
}

describe('the world map', () => {
  const map = getWorldMap(['QA', 'GB', 'BH', 'NO'])

  it('sets apart the countries asked for, in their order, and names those too small for the atlas', () => {
    expect(map.network.map((c) => c.code)).toEqual(['QA', 'GB', 'NO'])
    // Bahrain is not in the 1:110m atlas: the page lists it without drawing it.
    expect(map.notDrawn).toEqual(['BH'])
    const [qatar, uk] = map.network
    // Qatar is a few units across at this scale: it gets a dot to see and click.
    expect(qatar!.dot).not.toBeNull()
    expect(uk!.dot).toBeNull()
  })

  it('draws with integer relative commands, every point inside the drawing', () => {
    expect(map.width).toBe(MAP_WIDTH)
    // Equal Earth without Antarctica is a little over twice as wide as high.
    expect(map.height).toBeGreaterThan(400)
    expect(map.height).toBeLessThan(480)
    for (const d of [map.others, ...map.network.map((c) => c.d)]) {
      expect(d).toMatch(/^(?:[Mm]-?\d+[ -]?-?\d+l(?:[ -]?-?\d+)+z)+$/)
      const outside = points(d).filter(([x, y]) => x < 0 || x > map.width || y < 0 || y > map.height)
      expect(outside).toEqual([])
    }
  })

  it('is not mirrored: the United Kingdom is west of Qatar, and Norway north of both', () => {
    const [qatar, uk, norway] = map.network.map((c) => points(c.d))
    const mean = (ps: [number, number][], i: 0 | 1) => ps.reduce((s, p) => s + p[i], 0) / ps.length
    expect(mean(uk!, 0)).toBeLessThan(mean(qatar!, 0))
    expect(mean(norway!, 1)).toBeLessThan(mean(uk!, 1))
  })

  it('keeps the page light: the whole world in well under 50 kB of path data', () => {
    const size = map.others.length + map.network.reduce((s, c) => s + c.d.length, 0)
    expect(size).toBeLessThan(50_000)
    // Projected once per process: the same strings for every request.
    expect(getWorldMap(['QA', 'GB', 'BH', 'NO'])).toEqual(map)
  })
})

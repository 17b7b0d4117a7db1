// The world map of the network page, drawn on the server: countries-110m from world-atlas, projected once per
// process with d3-geo (Equal Earth) into compact SVG path strings. The browser gets plain strings, no d3.
import { createRequire } from 'node:module'
import { geoEqualEarth, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import countries from 'i18n-iso-countries'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

export const MAP_WIDTH = 960
/** Room around the land, so the Arctic islands and Tierra del Fuego do not touch the frame. */
const PAD = 8
/** Countries smaller than this on the map (in square units of the 960-wide drawing) also get a dot. */
const SMALL_AREA = 40
/** ISO 3166 numeric code of Antarctica: left out, it would take a fifth of the height and has no parliament. */
const ANTARCTICA = '010'

type MapCountry = { code: string | null; d: string; area: number; centroid: [number, number] }
type WorldShape = { width: number; height: number; countries: MapCountry[] }

/**
 * A d3 path context that writes integer, relative SVG commands and drops points that round to the previous one:
 * about a third of the size of geoPath's default absolute output, at half a unit of error.
 */
class CompactPath {
  private out = ''
  private ring: [number, number][] = []
  private x = 0
  private y = 0
  private started = false

  moveTo(x: number, y: number) {
    this.flush()
    this.ring = [[Math.round(x), Math.round(y)]]
  }

  lineTo(x: number, y: number) {
    const p: [number, number] = [Math.round(x), Math.round(y)]
    const last = this.ring[this.ring.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p)
  }

  closePath() {
    this.flush()
  }

  arc() {
    // Only points are drawn with arcs; a country is never a point.
  }

  beginPath() {}

  private flush() {
    const ring = this.ring
    this.ring = []
    // A ring that collapses to fewer than three distinct points is invisible at this scale.
    if (ring.length < 3) return
    const [first, ...rest] = ring as [[number, number], ...[number, number][]]
    this.out += this.started ? `m${pair(first[0] - this.x, first[1] - this.y)}` : `M${pair(first[0], first[1])}`
    this.started = true
    let [px, py] = first
    let line = ''
    for (const [x, y] of rest) {
      line += (line && x - px >= 0 ? ' ' : '') + pair(x - px, y - py)
      px = x
      py = y
    }
    this.out += `l${line}z`
    // After "z" the current point is the ring's first point again.
    this.x = first[0]
    this.y = first[1]
  }

  result() {
    this.flush()
    const d = this.out
    this.out = ''
    this.started = false
    return d
  }
}

/** "3-2", "3 2": a minus sign separates numbers by itself. */
function pair(a: number, b: number) {
  return b < 0 ? `${a}${b}` : `${a} ${b}`
}

function loadShape(): WorldShape {
  const require = createRequire(import.meta.url)
  const topology = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>
  }>
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
  const features = all.features.filter((f) => f.id !== ANTARCTICA)
  const collection: FeatureCollection = { type: 'FeatureCollection', features }
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2 * PAD, collection)
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection)
  const [tx, ty] = projection.translate()
  projection.translate([tx + PAD, ty - top + PAD])
  const measure = geoPath(projection)
  const context = new CompactPath()
  const draw = geoPath(projection, context)
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom - top + 2 * PAD),
    countries: features.map((f: Feature) => {
      draw(f)
      const [cx, cy] = measure.centroid(f)
      return {
        code: alpha2(f.id),
        d: context.result(),
        area: measure.area(f),
        centroid: [Math.round(cx), Math.round(cy)] as [number, number],
      }
    }),
  }
}

/** world-atlas ids are ISO 3166 numeric codes ("634"); three territories have none. */
function alpha2(id: string | number | undefined) {
  return id === undefined ? null : (countries.numericToAlpha2(String(id).padStart(3, '0')) ?? null)
}

let shape: WorldShape | undefined

/** Projected once per process (a few tens of milliseconds), then shared by every request. */
function worldShape() {
  return (shape ??= loadShape())
}

export type WorldMapData = {
  width: number
  height: number
  /** Every country not in the network, as one path. */
  others: string
  /** Countries in the network that the map draws, in the order of `codes`. */
  network: { code: string; d: string; dot: [number, number] | null }[]
  /** Countries in the network too small for the 1:110m atlas (they are still in the list beside the map). */
  notDrawn: string[]
}

/** The map with the given countries (ISO alpha-2) set apart; `codes` gives their order (e.g. sorted by name). */
export function getWorldMap(codes: readonly string[]): WorldMapData {
  const { width, height, countries: all } = worldShape()
  const wanted = new Set(codes)
  const byCode = new Map<string, MapCountry[]>()
  let others = ''
  for (const c of all) {
    if (c.code && wanted.has(c.code)) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c])
    // Each country's path starts with an absolute "M", so they can simply be joined.
    else others += c.d
  }
  const network: WorldMapData['network'] = []
  const notDrawn: string[] = []
  for (const code of codes) {
    const parts = byCode.get(code)
    if (!parts) {
      notDrawn.push(code)
      continue
    }
    const d = parts.map((p) => p.d).join('')
    const area = parts.reduce((sum, p) => sum + p.area, 0)
    network.push({ code, d, dot: area < SMALL_AREA || !d ? parts[0]!.centroid : null })
  }
  return { width, height, others, network, notDrawn }
}

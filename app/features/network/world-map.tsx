/** What the world map needs: plain path strings made on the server (app/features/network/world-map.server.ts). */
export type WorldMapProps = {
  id: string
  width: number
  height: number
  /** Every country not in the network, as one path. */
  others: string
  /** The network's countries, in reading order (sorted by name): the order links receive focus. */
  countries: { code: string; name: string; href: string; d: string; dot: [number, number] | null }[]
  title: string
  description: string
}

/**
 * A world map with the network's countries shaded, each a link. Geography is not text: the drawing stays
 * left-to-right on Arabic pages too (dir="ltr" on its HTML frame, since SVG has no `dir`, and the SVG
 * `direction` attribute), while the page around it follows the page's direction.
 */
export function WorldMap({ id, width, height, others, countries, title, description }: WorldMapProps) {
  return (
    <div className="world-map__frame" dir="ltr">
      <svg
        className="world-map__svg"
        direction="ltr"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <path className="world-map__other" d={others} aria-hidden="true" />
        {countries.map((c) => (
          <a key={c.code} href={c.href} aria-label={c.name} className="world-map__link">
            <title>{c.name}</title>
            {c.d ? <path className="world-map__country" d={c.d} /> : null}
            {c.dot ? <circle className="world-map__dot" cx={c.dot[0]} cy={c.dot[1]} r={6} /> : null}
          </a>
        ))}
      </svg>
    </div>
  )
}

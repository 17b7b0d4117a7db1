import type { ReactNode } from 'react'
import type { Language } from '~/utils/i18n'
import { formatShare } from './format'

export type YearValue = { year: number; /** A share (0–1), or null where there is no figure. */ value: number | null }

// Geometry in CSS pixels for heights, percent of the width for positions: the SVG has no viewBox, so text keeps
// its size at every width and only the spacing of the years stretches.
const TOP = 24
const PLOT = 150
const YEAR_BASELINE = TOP + PLOT + 20
const HEIGHT = YEAR_BASELINE + 8
/** A column's width: half its slot, and never wider than this percent of the chart. */
const MAX_COLUMN = 12

const yearFormats = new Map<Language, Intl.NumberFormat>()

/** A year in the page's digits, without a group separator ("2021", "٢٠٢١"). */
export function formatYear(year: number, lang: Language) {
  let f = yearFormats.get(lang)
  if (!f) yearFormats.set(lang, (f = new Intl.NumberFormat(lang, { useGrouping: false })))
  return f.format(year)
}

/**
 * A column chart of shares by year, drawn on the server, over a full height of 100%. Years run along the
 * inline axis: from left to right in English, from right to left in Arabic. Its figures go in the table given
 * as children.
 */
export function YearShareChart({
  id,
  title,
  rows,
  lang,
  noDataLabel,
  scaleNote,
  variant = 0,
  children,
}: {
  /** Prefix of the ids the chart's title and description use; unique on the page. */
  id: string
  title: string
  rows: YearValue[]
  lang: Language
  /** What the description says for a missing figure; "—" is drawn. */
  noDataLabel: string
  /** Says what the full height stands for (under the chart). */
  scaleNote: string
  /** The house colour: 0 brand blue, 1 accent. */
  variant?: 0 | 1
  children: ReactNode
}) {
  const rtl = lang === 'ar'
  const slot = 100 / Math.max(1, rows.length)
  const width = Math.min(slot / 2, MAX_COLUMN)
  const center = (i: number) => (rtl ? 100 - (i + 0.5) * slot : (i + 0.5) * slot)
  const display = (v: number | null) => (v == null ? '—' : formatShare(v, lang))
  const description = rows
    .map((r) => `${formatYear(r.year, lang)}: ${r.value == null ? noDataLabel : display(r.value)}`)
    .join(rtl ? '؛ ' : '; ')
  return (
    <figure className="chart year-chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        className={`year-chart__svg year-chart__svg--${variant}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={HEIGHT}
        direction={rtl ? 'rtl' : 'ltr'}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 0.5, 1].map((g) => (
          <line
            key={g}
            className={g === 0 ? 'year-chart__axis' : 'year-chart__grid'}
            x1="0"
            x2="100%"
            y1={TOP + PLOT * (1 - g)}
            y2={TOP + PLOT * (1 - g)}
          />
        ))}
        {rows.map((r, i) => {
          const h = r.value == null ? 0 : Math.min(1, Math.max(0, r.value)) * PLOT
          const x = center(i)
          return (
            <g key={r.year} className="year-chart__year-group" data-year={r.year}>
              {h > 0 ? (
                <rect
                  className="year-chart__column"
                  x={`${round(x - width / 2)}%`}
                  y={TOP + PLOT - h}
                  width={`${round(width)}%`}
                  height={h}
                />
              ) : null}
              <text className="year-chart__value" x={`${round(x)}%`} y={TOP + PLOT - h - 6} textAnchor="middle">
                {display(r.value)}
              </text>
              <text className="year-chart__year" x={`${round(x)}%`} y={YEAR_BASELINE} textAnchor="middle">
                {formatYear(r.year, lang)}
              </text>
            </g>
          )
        })}
      </svg>
      <p className="year-chart__scale">{scaleNote}</p>
      {children}
    </figure>
  )
}

function round(n: number) {
  return Math.round(n * 100) / 100
}

import { wrapLabel } from '~/components/charts/bar-chart'
import type { Language } from '~/utils/i18n'

export type ChartBar = {
  key: string
  label: string
  /** Set when the label is not in the page's language. */
  labelLang?: string
  /** The bar's length against `max`; null draws no bar (its text says why). */
  value: number | null
  /** What is written at the bar's end and read out: "2 (67%)", "3.5", "hidden". */
  text: string
}

export type ChartTable = {
  /** Headers after the first column's (`categoryLabel`). */
  columns: string[]
  /** One row per bar, in the same order: the same figures as words. */
  cells: string[][]
}

type Props = {
  /** Prefix of the ids of the chart's title and description; unique on the page. */
  id: string
  title: string
  bars: ChartBar[]
  max: number
  lang: Language
  categoryLabel: string
  /** The same figures as a table; null only where a table beside the chart already holds them all. */
  table: ChartTable | null
}

// The geometry of the shared bar chart (app/components/charts/bar-chart.tsx): no viewBox, so text keeps its size at
// every width and only the bars (in percent of the width) stretch; labels above their bar, wrapped for 360 px.
const LABEL_BASELINE = 15
const LINE = 18
const BARS_TOP = 22
const BAR = 14
const ROW_GAP = 12
/** The longest bar, in percent of the width: the rest is room for its figures. */
const BAR_SPAN = 68

const round = (n: number) => Math.round(n * 100) / 100

/**
 * A horizontal bar chart drawn on the server (role="img", named by its title and every figure), then the same
 * figures in a table. Bars grow from the inline start: from the left in English, from the right in Arabic.
 */
export function ResultsBarChart({ id, title, bars, max, lang, categoryLabel, table }: Props) {
  const rtl = lang === 'ar'
  const lines = bars.map((b) => wrapLabel(b.label, 38))
  const heights = lines.map((l) => BARS_TOP + (l.length - 1) * LINE + BAR + ROW_GAP)
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((s, h) => s + h, 0))
  const height = Math.max(1, heights.reduce((s, h) => s + h, 0) - ROW_GAP + 2)
  const start = rtl ? '100%' : '0'
  const description = bars.map((b) => `${b.label}: ${b.text}`).join(rtl ? '؛ ' : '; ')
  return (
    <figure className="chart results-chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        className="bar-chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={height}
        direction={rtl ? 'rtl' : 'ltr'}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, i) => {
          const top = tops[i]!
          const barY = top + BARS_TOP + (lines[i]!.length - 1) * LINE
          const length = bar.value === null || max <= 0 ? 0 : (Math.max(0, Math.min(bar.value, max)) / max) * BAR_SPAN
          const end = rtl ? 100 - length : length
          return (
            <g key={bar.key}>
              <text className="bar-chart__label" x={start} y={top + LABEL_BASELINE} lang={bar.labelLang}>
                {lines[i]!.length === 1
                  ? bar.label
                  : lines[i]!.map((line, k) => (
                      <tspan key={k} x={start} dy={k === 0 ? 0 : LINE}>
                        {line}
                      </tspan>
                    ))}
              </text>
              {length > 0 ? (
                <rect
                  className="bar-chart__bar bar-chart__bar--0"
                  x={`${round(rtl ? 100 - length : 0)}%`}
                  y={barY}
                  width={`${round(length)}%`}
                  height={BAR}
                />
              ) : null}
              <text
                className="bar-chart__value"
                x={`${round(end)}%`}
                dx={length > 0 ? (rtl ? -5 : 5) : 0}
                y={barY + BAR - 3}
              >
                {bar.text}
              </text>
            </g>
          )
        })}
      </svg>
      {table ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="chart__table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {table.columns.map((c, k) => (
                  <th key={k} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bars.map((bar, i) => (
                <tr key={bar.key}>
                  <th scope="row" lang={bar.labelLang}>
                    {bar.label}
                  </th>
                  {(table.cells[i] ?? []).map((cell, k) => (
                    <td key={k}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  )
}

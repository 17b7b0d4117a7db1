import type { Language } from '~/utils/i18n'
import { formatChartValue, type ChartFormat } from './format'

export type ChartSeries = { key: string; label: string }
export type ChartRow = {
  key: string
  label: string
  /** Set when the label is not in the page's language (a name that exists only in the other one). */
  labelLang?: string
  /** One value per series; null where there is no figure. */
  values: (number | null)[]
}

type BarChartProps = {
  /** Prefix of the ids the chart's title and description use; unique on the page. */
  id: string
  title: string
  series: ChartSeries[]
  rows: ChartRow[]
  format: ChartFormat
  lang: Language
  /** The header of the table's first column ("Region", "Parliament", …). */
  categoryLabel: string
  /** What the description says for a missing figure; "—" is drawn and shown in the table. */
  noDataLabel: string
  /** The value of a full bar: 1 for shares (honest proportions), by default the largest value for counts. */
  max?: number
  /** For long charts whose figures are also in a fuller table on the page: the table starts folded, under this summary. */
  foldTable?: string
}

// Geometry in CSS pixels: the SVG has no viewBox, so the text keeps its size at every width and only the
// bars (given in percent of the width) stretch.
const LABEL_BASELINE = 15
const LINE = 18
/** Labels wrap at about this many characters: about 280 px of 0.85rem text, inside a 360 px wide screen. */
const LABEL_CHARS = 40
const BARS_TOP = 22
const BAR = 14
const BAR_GAP = 3
const ROW_GAP = 14
/** The longest bar, in percent of the width: the rest is room for its figure. */
const BAR_SPAN = 76

function rowHeight(lines: number, seriesCount: number) {
  return BARS_TOP + (lines - 1) * LINE + seriesCount * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP
}

/** Splits a label into lines of at most `max` characters, at spaces (a longer word keeps its own line). */
export function wrapLabel(label: string, max = LABEL_CHARS) {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line]
}

/**
 * A horizontal bar chart drawn on the server, and the same figures in a table below it. Bars grow from the
 * inline start: from the left in English, from the right in Arabic.
 */
export function BarChart({
  id,
  title,
  series,
  rows,
  format,
  lang,
  categoryLabel,
  noDataLabel,
  max,
  foldTable,
}: BarChartProps) {
  const rtl = lang === 'ar'
  const full = max ?? Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)))
  const labelLines = rows.map((r) => wrapLabel(r.label))
  const tops = labelLines.map((_, i) =>
    labelLines.slice(0, i).reduce((sum, l) => sum + rowHeight(l.length, series.length), 0),
  )
  const height = labelLines.reduce((sum, l) => sum + rowHeight(l.length, series.length), 0) - ROW_GAP + 2
  const display = (v: number | null) => (v == null ? '—' : formatChartValue(v, format, lang))
  // Text starts at the inline start: with direction rtl, text-anchor "start" is the right end of the text.
  const start = rtl ? '100%' : '0'
  const description = rows
    .map((r) => {
      const values = r.values.map(
        (v, i) => (v == null ? noDataLabel : display(v)) + (series.length > 1 ? ` (${series[i]!.label})` : ''),
      )
      return `${r.label}: ${values.join(rtl ? '، ' : ', ')}`
    })
    .join(rtl ? '؛ ' : '; ')

  const table = (
    <div className="table-wrap">
      <table className="chart__table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" lang={row.labelLang}>
                {row.label}
              </th>
              {row.values.map((value, i) => (
                <td key={series[i]!.key} data-series={series[i]!.key}>
                  {display(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )

  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.key}>
              <span className={`chart__swatch chart__swatch--${i}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
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
        {rows.map((row, r) => {
          const lines = labelLines[r]!
          const top = tops[r]! + (lines.length - 1) * LINE
          return (
            <g key={row.key} className="bar-chart__row">
              <text className="bar-chart__label" x={start} y={tops[r]! + LABEL_BASELINE} lang={row.labelLang}>
                {lines.length === 1
                  ? row.label
                  : lines.map((line, i) => (
                      <tspan key={i} x={start} dy={i === 0 ? 0 : LINE}>
                        {line}
                      </tspan>
                    ))}
              </text>
              {row.values.map((value, i) => {
                const length = value == null || full <= 0 ? 0 : (Math.min(value, full) / full) * BAR_SPAN
                const y = top + BARS_TOP + i * (BAR + BAR_GAP)
                const barStart = rtl ? 100 - length : 0
                const end = rtl ? 100 - length : length
                return (
                  <g key={series[i]!.key}>
                    {length > 0 ? (
                      <rect
                        className={`bar-chart__bar bar-chart__bar--${i}`}
                        x={`${round(barStart)}%`}
                        y={y}
                        width={`${round(length)}%`}
                        height={BAR}
                      />
                    ) : null}
                    <text
                      className="bar-chart__value"
                      data-series={series[i]!.key}
                      x={`${round(end)}%`}
                      dx={length > 0 ? (rtl ? -5 : 5) : 0}
                      y={y + BAR - 3}
                    >
                      {display(value)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      {foldTable ? (
        <details className="chart__details">
          <summary>{foldTable}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </figure>
  )
}

function round(n: number) {
  return Math.round(n * 100) / 100
}

import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatShare } from '~/components/charts/format'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import type { Cell, Figures, GroupCell, QuestionResult, ResultsQuestionText } from '../results.server'
import { countedKinds, listedKinds, type ResultsView } from '../results-view'
import { minimumCell, scaleMax, scaleMin } from '../vocabulary'
import { ResultsBarChart, type ChartBar } from './chart-bars'

type Props = {
  surveyId: number
  question: ResultsQuestionText
  result: QuestionResult
  view: ResultsView
  lang: Language
  aggregatesOnly: boolean
}

type T = ReturnType<typeof useTranslation>['t']

const figureFormats = new Map<string, Intl.NumberFormat>()
/** A mean or a median: at most two decimals ("3.67", "٣٫٦٧"); a year without grouping ("2019"). */
function formatFigure(value: number, lang: Language, style: 'figure' | 'year' = 'figure') {
  const key = `${lang}:${style}`
  let f = figureFormats.get(key)
  if (!f)
    figureFormats.set(
      key,
      (f = new Intl.NumberFormat(lang, style === 'year' ? { useGrouping: false } : { maximumFractionDigits: 2 })),
    )
  return f.format(value)
}

function useLabels(question: ResultsQuestionText, lang: Language) {
  const { t } = useTranslation(['surveys', 'common', 'network'])
  const options = new Map(
    question.options.map((o) => [String(o.id), pickLanguage({ en: o.labelEn, ar: o.labelAr }, lang)]),
  )
  const low = pickLanguage({ en: question.scaleLowEn, ar: question.scaleLowAr }, lang).text
  const high = pickLanguage({ en: question.scaleHighEn, ar: question.scaleHighAr }, lang).text
  /** The label of a counted answer and, when it is not in the page's language, its language. */
  const answer = (key: string): { text: string; lang?: string } => {
    switch (question.kind) {
      case 'single_choice':
      case 'multiple_choice':
        return options.get(key) ?? { text: key }
      case 'yes_no':
        return { text: t(`results.yesNo.${key}`) }
      case 'scale': {
        const n = Number(key)
        const end = n === scaleMin ? low : n === scaleMax ? high : ''
        return { text: end ? `${formatNumber(n, lang)} (${end})` : formatNumber(n, lang) }
      }
      case 'date':
        return { text: formatFigure(Number(key), lang, 'year') }
      case 'mechanism':
        return { text: t(`mechanismKinds.${key}`, { ns: 'network' }) }
      default:
        return { text: key }
    }
  }
  const group = (view: ResultsView, key: string) =>
    view === 'region' ? t(`regions.${key}`, { ns: 'common' }) : t(`parliamentKinds.${key}`, { ns: 'common' })
  return { t, answer, group, options }
}

function rateText(t: T, f: Figures, lang: Language) {
  return t('results.rate', {
    rate: f.rate === null ? '—' : formatShare(f.rate, lang),
    answered: formatNumber(f.answered, lang),
    submitted: formatNumber(f.submitted, lang),
  })
}

function hiddenText(t: T, cell: Cell, lang: Language) {
  if (!cell.hidden) return ''
  return cell.reason === 'small'
    ? t('results.hidden', { min: formatNumber(minimumCell, lang) })
    : t('results.hiddenComplement')
}

/** The chart (or figures) of one cell: all respondents, or one region or kind. */
function CellFigures({
  question,
  figures,
  title,
  id,
  lang,
  withTable = true,
}: {
  question: ResultsQuestionText
  figures: Figures
  title: string
  id: string
  lang: Language
  /** False where a table beside the chart holds the same figures (a breakdown's). */
  withTable?: boolean
}) {
  const { t, answer, options } = useLabels(question, lang)
  if (figures.answered === 0) return <p className="results-none">{t('results.noAnswers')}</p>
  const fig = (v: number | null) => (v === null ? '—' : formatFigure(v, lang))
  const meanMedian =
    figures.mean !== null ? (
      <p className="results-figures">
        {question.kind === 'number' && (question.unitEn || question.unitAr)
          ? t('results.meanMedianUnit', {
              mean: fig(figures.mean),
              median: fig(figures.median),
              unit: pickLanguage({ en: question.unitEn, ar: question.unitAr }, lang).text,
            })
          : t('results.meanMedian', { mean: fig(figures.mean), median: fig(figures.median) })}
      </p>
    ) : null

  if (question.kind === 'matrix') {
    const bars: ChartBar[] = figures.rows.map((r) => {
      const label = options.get(String(r.optionId)) ?? { text: '', lang: undefined }
      return { key: String(r.optionId), label: label.text, labelLang: label.lang, value: r.mean, text: fig(r.mean) }
    })
    return (
      <ResultsBarChart
        id={id}
        title={title}
        bars={bars}
        max={scaleMax}
        lang={lang}
        categoryLabel={t('results.columns.row')}
        table={
          withTable
            ? {
                columns: [
                  t('results.columns.answers'),
                  t('results.columns.mean'),
                  t('results.columns.median'),
                  ...(figures.rows[0]?.counts ?? []).map((c) => formatNumber(Number(c.key), lang)),
                ],
                cells: figures.rows.map((r) => [
                  formatNumber(r.answered, lang),
                  fig(r.mean),
                  fig(r.median),
                  ...r.counts.map((c) => formatNumber(c.count, lang)),
                ]),
              }
            : null
        }
      />
    )
  }
  if (!countedKinds.includes(question.kind)) return meanMedian
  const bars: ChartBar[] = figures.counts.map((c) => {
    const label = answer(c.key)
    const share = formatShare(c.count / figures.answered, lang)
    return {
      key: c.key,
      label: label.text,
      labelLang: label.lang,
      value: c.count,
      text: `${formatNumber(c.count, lang)} (${share})`,
    }
  })
  const category =
    question.kind === 'date'
      ? t('results.columns.year')
      : question.kind === 'mechanism'
        ? t('results.columns.mechanismKind')
        : t('results.columns.answer')
  return (
    <>
      <ResultsBarChart
        id={id}
        title={title}
        bars={bars}
        max={figures.answered}
        lang={lang}
        categoryLabel={category}
        table={
          withTable
            ? {
                columns: [t('results.columns.parliaments'), t('results.columns.share')],
                cells: figures.counts.map((c) => [
                  formatNumber(c.count, lang),
                  formatShare(c.count / figures.answered, lang),
                ]),
              }
            : null
        }
      />
      {question.kind === 'multiple_choice' ? <p className="results-note">{t('results.multipleNote')}</p> : null}
      {meanMedian}
    </>
  )
}

/** A breakdown by region or kind: a table (or, for scales and numbers, a chart of means) of every group, then each group's own chart. */
function Breakdown({
  question,
  result,
  view,
  lang,
}: Omit<Props, 'aggregatesOnly' | 'surveyId'> & { view: 'region' | 'kind' }) {
  const { t, group, answer, options } = useLabels(question, lang)
  const groups: GroupCell<string>[] = view === 'region' ? result.byRegion : result.byKind
  const hidden = t('results.hiddenCell')
  const fig = (v: number | null) => (v === null ? '—' : formatFigure(v, lang))
  const id = `q${question.id}-${view}`
  const withMeans = question.kind === 'scale' || question.kind === 'number'
  const counted = countedKinds.includes(question.kind)
  const keys = counted ? result.overall.counts.map((c) => c.key) : []
  const rows = question.kind === 'matrix' ? question.options : []
  // One table holds every group's figures: its answers and rate, mean and median, and its count of each answer (or
  // each matrix row's mean); the charts below it are drawn from the same figures.
  const columns = [
    t('results.columns.answers'),
    t('results.columns.rate'),
    ...(withMeans ? [t('results.columns.mean'), t('results.columns.median')] : []),
    ...keys.map((k) => answer(k).text),
    ...rows.map((r) => `${options.get(String(r.id))?.text ?? ''}: ${t('results.columns.mean')}`),
  ]
  const rowCells = (cell: Cell) => {
    if (cell.hidden) return columns.map(() => hidden)
    const countOf = new Map(cell.counts.map((c) => [c.key, c.count]))
    const meanOf = new Map(cell.rows.map((r) => [r.optionId, r.mean]))
    return [
      formatNumber(cell.answered, lang),
      cell.rate === null ? '—' : formatShare(cell.rate, lang),
      ...(withMeans ? [fig(cell.mean), fig(cell.median)] : []),
      ...keys.map((k) => {
        const n = countOf.get(k) ?? 0
        return cell.answered ? `${formatNumber(n, lang)} (${formatShare(n / cell.answered, lang)})` : '—'
      }),
      ...rows.map((r) => fig(meanOf.get(r.id) ?? null)),
    ]
  }
  const perGroup = counted || question.kind === 'matrix'
  return (
    <div className="results-breakdown">
      {withMeans ? (
        <ResultsBarChart
          id={`${id}-means`}
          title={t('results.chartMeans', { number: question.number })}
          bars={groups.map((g) => ({
            key: g.key,
            label: group(view, g.key),
            value: g.cell.hidden ? null : g.cell.mean,
            text: g.cell.hidden ? hidden : fig(g.cell.mean),
          }))}
          max={
            question.kind === 'scale'
              ? scaleMax
              : Math.max(1, ...groups.map((g) => (g.cell.hidden ? 0 : Math.abs(g.cell.mean ?? 0))))
          }
          lang={lang}
          categoryLabel={t('results.columns.group')}
          table={{ columns, cells: groups.map((g) => rowCells(g.cell)) }}
        />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
          <table className="chart__table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('results.chartTitle', { number: question.number, group: t(`results.views.${view}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('results.columns.group')}</th>
                {columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{group(view, g.key)}</th>
                  {rowCells(g.cell).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {perGroup
        ? groups.map((g) => (
            <section key={g.key} className="results-group" aria-labelledby={`${id}-${g.key}`}>
              <h3 id={`${id}-${g.key}`}>{group(view, g.key)}</h3>
              {g.cell.hidden ? (
                <p className="results-hidden">{hiddenText(t, g.cell, lang)}</p>
              ) : (
                <CellFigures
                  question={question}
                  figures={g.cell}
                  id={`${id}-${g.key}-chart`}
                  title={t('results.chartTitle', { number: question.number, group: group(view, g.key) })}
                  lang={lang}
                  withTable={false}
                />
              )}
            </section>
          ))
        : null}
    </div>
  )
}

/** Answers in words, dates, files and mechanisms, by parliament (coordinators only: the loader sends none otherwise). */
function ListedAnswers({ surveyId, question, result, lang }: Omit<Props, 'view' | 'aggregatesOnly'>) {
  const { t } = useLabels(question, lang)
  const answers = result.answers ?? []
  if (!answers.length) return null
  const id = `q${question.id}-answers`
  const more = result.answersTotal > answers.length
  return (
    <div className="results-answers">
      <h3 id={id}>{t('results.answersByParliament')}</h3>
      {more ? (
        <p className="results-note">
          {t('results.answersShown', {
            shown: formatNumber(answers.length, lang),
            total: formatNumber(result.answersTotal, lang),
          })}{' '}
          <Link to={`/${lang}/surveys/${surveyId}/results?answers=${question.id}#${id}`}>
            {t('results.showAllAnswers', { total: formatNumber(result.answersTotal, lang) })}
          </Link>
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('results.columns.parliament')}</th>
              <th scope="col">{t('results.columns.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => {
              const name = pickLanguage({ en: a.parliamentEn, ar: a.parliamentAr }, lang)
              let text = a.text ?? ''
              if (question.kind === 'date' && a.text) text = formatDate(new Date(`${a.text}T00:00:00Z`), lang)
              if (a.mechanism)
                text = t('results.mechanismAnswer', {
                  name: pickLanguage({ en: a.mechanism.nameEn, ar: a.mechanism.nameAr }, lang).text,
                  kind: t(`mechanismKinds.${a.mechanism.kind}`, { ns: 'network' }),
                  state: t(`results.mechanismState.${a.mechanism.state}`),
                })
              return (
                <tr key={a.parliamentId}>
                  <th scope="row" lang={name.lang}>
                    {name.text}
                  </th>
                  <td dir="auto" className="results-answer-text">
                    {a.file ? <a href={`/surveys/${surveyId}/files/${a.file.id}`}>{a.file.name}</a> : text}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** One question's results: its answer rate, then all respondents' chart or the breakdown asked for. */
export function QuestionResults({ surveyId, question, result, view, lang, aggregatesOnly }: Props) {
  const { t } = useLabels(question, lang)
  const text = pickLanguage({ en: question.textEn, ar: question.textAr }, lang)
  const heading = `q${question.id}-heading`
  return (
    <section className="results-question" aria-labelledby={heading}>
      <h2 id={heading} lang={text.lang} dir="auto">
        {t('results.question', { number: question.number, text: text.text })}
      </h2>
      {result.closed ? <p className="results-note">{t('results.closed')}</p> : null}
      <p className="results-rate">{rateText(t, result.overall, lang)}</p>
      {view === 'all' ? (
        <CellFigures
          question={question}
          figures={result.overall}
          id={`q${question.id}-all`}
          title={t('results.chartTitle', { number: question.number, group: t('results.allRespondents') })}
          lang={lang}
        />
      ) : (
        <Breakdown question={question} result={result} view={view} lang={lang} />
      )}
      {view === 'all' && result.answers ? (
        <ListedAnswers surveyId={surveyId} question={question} result={result} lang={lang} />
      ) : null}
      {aggregatesOnly && listedKinds.includes(question.kind) ? (
        <p className="results-note">{t('results.textOnlyForCoordinators')}</p>
      ) : null}
    </section>
  )
}

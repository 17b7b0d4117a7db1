// The comparison of two texts of a draft, drawn from compare.ts's DraftComparison: a summary with counts, a legend,
// then provision by provision what was added, deleted, moved, renumbered or reworded, with the word-level diff of
// each changed language in <ins>/<del>. Each insertion and deletion also says so in words for screen readers
// (visually hidden), so nothing rests on colour alone; runs of unchanged provisions are collapsed to a count.
import { useTranslation } from 'react-i18next'
import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import type { DiffSegment, DraftComparison, LanguageDiff, PlaceChange, ProvisionPlace, TextDiff } from '../compare'
import type { ProvisionKind, TextLanguage } from '../snapshot'
import { provisionTitle, dirOf } from './version-text'

type Place = Pick<ProvisionPlace, 'kind' | 'ordinal' | 'pointDepth' | 'depth'>

export type CompareEntry =
  | { type: 'unchanged'; places: Place[] }
  | {
      type: 'diff'
      wId: string
      kind: ProvisionKind
      place: PlaceChange
      changed: boolean
      before: Place | null
      after: Place | null
      languages: Record<TextLanguage, LanguageDiff>
    }

const pickPlace = (p: ProvisionPlace | null): Place | null =>
  p && { kind: p.kind, ordinal: p.ordinal, pointDepth: p.pointDepth, depth: p.depth }

/** What the page needs of a comparison: unchanged provisions only as their places, grouped in runs; the others with
 *  their diffs (a moved or renumbered provision whose words did not change carries none). The counts' `unchanged`
 *  is what the runs hold: neither moved, renumbered nor reworded (compare.ts counts places only). */
export function compareView(comparison: DraftComparison) {
  const entries = compareEntries(comparison)
  const unchanged = entries.reduce((n, e) => n + (e.type === 'unchanged' ? e.places.length : 0), 0)
  return { counts: { ...comparison.counts, unchanged }, entries }
}

function compareEntries(comparison: DraftComparison): CompareEntry[] {
  const entries: CompareEntry[] = []
  for (const d of comparison.provisions) {
    if (d.place === 'unchanged' && !d.changed) {
      const last = entries[entries.length - 1]
      const place = pickPlace(d.after)!
      if (last?.type === 'unchanged') last.places.push(place)
      else entries.push({ type: 'unchanged', places: [place] })
      continue
    }
    const showText = d.changed || d.place === 'added' || d.place === 'deleted'
    entries.push({
      type: 'diff',
      wId: d.wId,
      kind: d.kind,
      place: d.place,
      changed: d.changed,
      before: pickPlace(d.before),
      after: pickPlace(d.after),
      languages: showText ? d.languages : {},
    })
  }
  return entries
}

export function CompareSummary({ lang, counts }: { lang: Language; counts: DraftComparison['counts'] }) {
  const { t } = useTranslation('drafts')
  const keys = ['added', 'deleted', 'moved', 'renumbered', 'changed', 'unchanged'] as const
  const nothing = counts.added + counts.deleted + counts.moved + counts.renumbered + counts.changed === 0
  return (
    <section className="compare-summary" aria-labelledby="compare-summary">
      <h2 id="compare-summary">{t('compare.summary')}</h2>
      {nothing ? <p>{t('compare.noChanges')}</p> : null}
      <dl className="compare-counts">
        {keys.map((k) => (
          <div key={k} className={`compare-counts__item compare-counts__item--${k}`}>
            <dt>{t(`compare.counts.${k}`)}</dt>
            <dd>{formatNumber(counts[k], lang)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

export function CompareLegend() {
  const { t } = useTranslation('drafts')
  return (
    <aside className="compare-legend" aria-labelledby="compare-legend">
      <h2 id="compare-legend" className="compare-legend__title">
        {t('compare.legendTitle')}
      </h2>
      <ul>
        <li>
          <ins className="compare-ins">{t('compare.legendInserted')}</ins>
        </li>
        <li>
          <del className="compare-del">{t('compare.legendDeleted')}</del>
        </li>
      </ul>
    </aside>
  )
}

/** A diffed text: runs kept as they are, insertions in <ins>, deletions in <del>, each announced in words. */
export function DiffTextView({ diff, as: Tag = 'div' }: { diff: TextDiff; as?: 'div' | 'p' }) {
  const { t } = useTranslation('drafts')
  if (diff.segments.length === 0) return null
  return (
    <Tag className="compare-text">
      {diff.segments.map((s: DiffSegment, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i} className="compare-ins">
            <span className="visually-hidden">{t('compare.inserted')} </span>
            {s.text}
          </ins>
        ) : (
          <del key={i} className="compare-del">
            <span className="visually-hidden">{t('compare.deleted')} </span>
            {s.text}
          </del>
        ),
      )}
    </Tag>
  )
}

type Heading = 'h3' | 'h4' | 'h5' | 'h6'
const headingAt = (depth: number): Heading => (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(depth, 3)]!

function LanguageColumn({
  lang,
  pageLang,
  diff,
  place,
}: {
  lang: TextLanguage
  pageLang: Language
  diff: LanguageDiff
  place: Place
}) {
  const { t } = useTranslation('drafts')
  const note =
    diff.status === 'added'
      ? t('compare.languageAdded')
      : diff.status === 'removed'
        ? t('compare.languageRemoved')
        : diff.status === 'unchanged'
          ? t('compare.languageUnchanged')
          : diff.heading.layoutOnly && diff.body.layoutOnly
            ? t('compare.layoutOnly')
            : null
  return (
    <div className="compare-col" lang={lang} dir={dirOf(lang)}>
      <p className="compare-col__label">{provisionTitle(place, lang)}</p>
      {note ? (
        <p className="compare-col__note muted" lang={pageLang} dir={dirOf(pageLang)}>
          {note}
        </p>
      ) : null}
      {diff.heading.changed || diff.heading.segments.length ? <DiffTextView diff={diff.heading} as="p" /> : null}
      <DiffTextView diff={diff.body} />
    </div>
  )
}

function CompareProvision({ entry, pageLang }: { entry: Extract<CompareEntry, { type: 'diff' }>; pageLang: Language }) {
  const { t } = useTranslation('drafts')
  const place = (entry.after ?? entry.before)!
  const H = headingAt(place.depth)
  const headingId = `c-${entry.wId}`
  const marks: string[] = []
  if (entry.place !== 'unchanged') marks.push(t(`compare.place.${entry.place}`))
  if (entry.changed) marks.push(t('compare.changedWording'))
  const was =
    entry.before && (entry.place === 'moved' || entry.place === 'renumbered')
      ? t(entry.place === 'moved' ? 'compare.movedFrom' : 'compare.renumberedFrom', {
          label: provisionTitle(entry.before, pageLang),
        })
      : null
  const langs = Object.keys(entry.languages)
  const ordered = [...langs.filter((l) => l === pageLang), ...langs.filter((l) => l !== pageLang)]
  return (
    <li className={`compare-provision compare-provision--${entry.place}${entry.changed ? ' is-changed' : ''}`}>
      <section aria-labelledby={headingId}>
        <H id={headingId} className="compare-provision__title">
          {provisionTitle(place, pageLang)}
        </H>
        <ul className="compare-provision__marks">
          {marks.map((m) => (
            <li key={m} className="badge">
              {m}
            </li>
          ))}
        </ul>
        {was ? <p className="compare-provision__was">{was}</p> : null}
        {ordered.length ? (
          <div className="compare-provision__cols">
            {ordered.map((l) => (
              <LanguageColumn key={l} lang={l} pageLang={pageLang} diff={entry.languages[l]!} place={place} />
            ))}
          </div>
        ) : null}
      </section>
    </li>
  )
}

export function CompareList({ entries, lang }: { entries: CompareEntry[]; lang: Language }) {
  const { t } = useTranslation('drafts')
  return (
    <section className="compare-changes" aria-labelledby="compare-changes">
      <h2 id="compare-changes">{t('compare.changes')}</h2>
      <ol className="compare-list">
        {entries.map((e, i) =>
          e.type === 'unchanged' ? (
            <li key={`u${i}`} className="compare-unchanged">
              <details>
                <summary>{t('compare.unchangedRun', { count: e.places.length })}</summary>
                <ul className="compare-unchanged__list">
                  {e.places.map((p, j) => (
                    <li key={j}>{provisionTitle(p, lang)}</li>
                  ))}
                </ul>
              </details>
            </li>
          ) : (
            <CompareProvision key={e.wId} entry={e} pageLang={lang} />
          ),
        )}
      </ol>
    </section>
  )
}

// A frozen version's text, read-only: each provision once, its words in every language side by side (each column
// in its own direction, Arabic right to left), stacked on a narrow screen. The page's language gives the heading.
import { useTranslation } from 'react-i18next'
import type { Language } from '~/utils/i18n'
import { numberProvisions, provisionLabel, type ProvisionNumber } from '../numbering'
import type { SnapshotProvision, TextLanguage } from '../snapshot'
import { parseBody } from '../text-format'

const rtl = new Set(['ar', 'fa', 'he', 'ur'])
export const dirOf = (lang: TextLanguage) => (rtl.has(lang.split('-')[0]!) ? 'rtl' : 'ltr')

type Heading = 'h3' | 'h4' | 'h5' | 'h6'
const headingAt = (depth: number): Heading => (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(depth, 3)]!

/** A body's paragraphs and lists, as text (never HTML). */
export function VersionBody({ body }: { body: string }) {
  return (
    <>
      {parseBody(body).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i} className="version-body__p">
            {block.text}
          </p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  )
}

/** The label and heading line of a provision in one language: "Article 3 — Scope" / «المادة 3 — النطاق». */
export function provisionTitle(
  n: Pick<ProvisionNumber, 'kind' | 'ordinal' | 'pointDepth'>,
  lang: string,
  heading = '',
) {
  const label = provisionLabel(n, lang)
  return heading.trim() ? `${label} — ${heading.trim()}` : label
}

function ProvisionBlock({
  p,
  numbers,
  languages,
  pageLang,
}: {
  p: SnapshotProvision
  numbers: Map<string, ProvisionNumber>
  languages: TextLanguage[]
  pageLang: Language
}) {
  const { t } = useTranslation('drafts')
  const n = numbers.get(p.wId)!
  const H = headingAt(n.depth)
  const headingId = `v-${p.wId}`
  // The page's language holds the provision's heading (one per provision for assistive technology); the others
  // show the same line as a paragraph.
  const ordered = [...languages.filter((l) => l === pageLang), ...languages.filter((l) => l !== pageLang)]
  return (
    <section className="version-provision" aria-labelledby={headingId} data-eid={n.eId}>
      <div className="version-provision__cols">
        {ordered.map((lang) => {
          const text = p.texts[lang]
          const line = provisionTitle(n, lang, text?.heading)
          return (
            <div key={lang} className="version-col" lang={lang} dir={dirOf(lang)}>
              {lang === pageLang ? (
                <H id={headingId} className="version-col__title">
                  {line}
                </H>
              ) : (
                <p className="version-col__title">{line}</p>
              )}
              {text ? (
                <VersionBody body={text.body} />
              ) : (
                <p className="badge version-col__missing" lang={pageLang} dir={dirOf(pageLang)}>
                  {t('versions.toTranslate')}
                </p>
              )}
            </div>
          )
        })}
      </div>
      {p.children.map((c) => (
        <ProvisionBlock key={c.wId} p={c} numbers={numbers} languages={languages} pageLang={pageLang} />
      ))}
    </section>
  )
}

/** The whole text of a snapshot. */
export function VersionText({
  provisions,
  languages,
  lang,
}: {
  provisions: SnapshotProvision[]
  languages: TextLanguage[]
  lang: Language
}) {
  const { t } = useTranslation('drafts')
  if (provisions.length === 0) return <p>{t('versions.emptyText')}</p>
  const { byWId } = numberProvisions(provisions)
  return (
    <div className="version-text">
      {provisions.map((p) => (
        <ProvisionBlock key={p.wId} p={p} numbers={byWId} languages={languages} pageLang={lang} />
      ))}
    </div>
  )
}

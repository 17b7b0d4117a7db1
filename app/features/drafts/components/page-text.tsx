// The text of a draft on its page: one row per provision, the Arabic and the English side by side (the page's own
// language first, so Arabic sits on the right in both directions), each cell in its own language and direction.
// At narrow widths only the chosen column shows (`?text=ar|en`, plain links). Bodies are plain text read by
// parseBody and drawn as React text: nothing is ever rendered as HTML.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/utils/i18n'
import type { ProvisionKind, ProvisionText } from '../snapshot'
import { parseBody } from '../text-format'

/** What a row of the page shows (the route's view.server.ts makes these). */
export type TextRow = {
  wId: string
  kind: ProvisionKind
  depth: number
  nums: Record<string, string>
  names: Record<string, string>
  texts: Record<string, ProvisionText>
  comments: number
  amendments: number
  outdated: number
}

const headed = new Set<ProvisionKind>(['preamble', 'definitions', 'part', 'chapter', 'section', 'article'])

/** A body's paragraphs and lists; a single line break inside a paragraph stays a line break. */
export function ProvisionBody({ body }: { body: string }) {
  const blocks = parseBody(body)
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>
            {b.text.split('\n').map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  )
}

/** The page language's column first; then the others in the draft's order. */
export function columnOrder(languages: readonly string[], lang: Language) {
  return [...languages].sort((a, b) => Number(b === lang) - Number(a === lang))
}

const dirOf = (l: string) => (l === 'ar' || l.startsWith('ar-') ? 'rtl' : 'ltr')

function ProvisionCell({ row, l, show }: { row: TextRow; l: string; show: string }) {
  const { t, i18n } = useTranslation('drafts')
  const text = row.texts[l]
  const written = Boolean(text && (text.heading || text.body))
  // A division nobody has named yet has nothing to translate in any language.
  const untitled = !Object.values(row.texts).some((x) => x.heading || x.body)
  const Heading = `h${Math.min(3 + row.depth, 6)}` as 'h3'
  const mark =
    written || untitled ? null : (
      <span className="draft-prov__missing" lang={i18n.language} dir="auto">
        {t('page.toTranslate')}
      </span>
    )
  return (
    <div className={`draft-prov__cell${l === show ? ' is-shown' : ''}`} lang={l} dir={dirOf(l)}>
      {headed.has(row.kind) ? (
        <Heading className="draft-prov__heading">
          <span className="draft-prov__num">{row.nums[l]}</span>
          {text?.heading ? <span className="draft-prov__title">{text.heading}</span> : null}
        </Heading>
      ) : (
        <p className="draft-prov__num draft-prov__num--inline">
          {row.nums[l]}
          {text?.heading ? <span className="draft-prov__title">{text.heading}</span> : null}
        </p>
      )}
      {mark}
      {text?.body ? (
        <div className="draft-prov__body">
          <ProvisionBody body={text.body} />
        </div>
      ) : null}
    </div>
  )
}

/** The switch between the columns at narrow widths: two links, the current one marked. */
export function TextSwitch({
  languages,
  show,
  hrefFor,
}: {
  languages: readonly string[]
  show: string
  hrefFor: (l: string) => string
}) {
  const { t } = useTranslation('drafts')
  return (
    <nav className="draft-text-switch" aria-label={t('page.textSwitch')}>
      <ul>
        {languages.map((l) => (
          <li key={l}>
            <Link
              to={hrefFor(l)}
              preventScrollReset
              aria-current={l === show ? 'true' : undefined}
              className={l === show ? 'is-current' : undefined}
              lang={l}
            >
              {t(`page.textIn.${l}`, { defaultValue: l })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * The rows. `tools` draws the working group's controls of a row (or nothing), `panel` the open actions panel under
 * the row it belongs to; `discussHref` is the provision's own page (comments and amendments).
 */
export function DraftTextRows<R extends TextRow>({
  rows,
  columns,
  show,
  discussHref,
  tools,
  panel,
}: {
  rows: readonly R[]
  columns: readonly string[]
  show: string
  discussHref: (wId: string) => string
  tools?: (row: R, index: number) => ReactNode
  panel?: (row: R) => ReactNode
}) {
  const { t } = useTranslation('drafts')
  return (
    <div className="draft-rows">
      {rows.map((row, i) => (
        <div key={row.wId} id={row.wId} className={`draft-prov draft-prov--${row.kind}`} data-depth={row.depth}>
          <div className="draft-prov__cols">
            {columns.map((l) => (
              <ProvisionCell key={l} row={row} l={l} show={show} />
            ))}
          </div>
          <div className="draft-prov__bar">
            <Link to={discussHref(row.wId)} className="draft-prov__discuss">
              <span className="visually-hidden">{t('page.discussOf', { name: row.names[show] ?? '' })} </span>
              <span>{t('page.commentCount', { n: row.comments })}</span>
              <span aria-hidden="true"> · </span>
              <span>{t('page.amendmentCount', { n: row.amendments })}</span>
              {row.outdated > 0 ? (
                <span className="draft-prov__outdated"> ({t('page.outdatedCount', { n: row.outdated })})</span>
              ) : null}
            </Link>
            {tools ? tools(row, i) : null}
          </div>
          {panel ? panel(row) : null}
        </div>
      ))}
    </div>
  )
}

// The words of a provision as the consultation pages draw them: the body's paragraphs and lists (text-format.ts,
// never HTML), the two languages side by side, and a proposed wording against the current one as <ins>/<del>
// with words for screen readers, not colour alone. Shared by the provision page and the consultation list.
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextDiff } from '../compare'
import type { ProvisionText } from '../snapshot'
import { parseBody } from '../text-format'

export const dirOf = (lang: string) => (lang === 'ar' || lang.startsWith('ar-') ? 'rtl' : 'ltr')

/** A body's blocks: paragraphs (their single line breaks kept) and lists. */
export function ProvisionBody({ body }: { body: string }) {
  return (
    <>
      {parseBody(body).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i} className="consultation-text__paragraph">
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

/** One language's words of a provision, in that language and direction; "to translate" when it has none. */
export function ProvisionLanguage({
  lang,
  label,
  text,
  headingLevel = 3,
}: {
  lang: string
  label: string
  text: ProvisionText | undefined
  headingLevel?: 2 | 3 | 4
}) {
  const { t, i18n } = useTranslation('drafts')
  const Heading = `h${headingLevel}` as const
  return (
    <div className="consultation-text__language" lang={lang} dir={dirOf(lang)}>
      <Heading className="consultation-text__heading">
        <span className="consultation-text__label">{label}</span>
        {text?.heading ? <span className="consultation-text__title"> {text.heading}</span> : null}
      </Heading>
      {text?.body ? <ProvisionBody body={text.body} /> : null}
      {!text || (!text.heading && !text.body) ? (
        <p className="badge consultation-badge--translate" lang={i18n.language} dir={dirOf(i18n.language)}>
          {t('consultation.toTranslate')}
        </p>
      ) : null}
    </div>
  )
}

/** A provision's languages side by side (one column each from a tablet up, stacked below). */
export function ProvisionColumns({
  languages,
  labels,
  texts,
  headingLevel,
}: {
  languages: readonly string[]
  labels: Record<string, string>
  texts: Record<string, ProvisionText>
  headingLevel?: 2 | 3 | 4
}) {
  return (
    <div className="consultation-text">
      {languages.map((lang) => (
        <ProvisionLanguage
          key={lang}
          lang={lang}
          label={labels[lang] ?? ''}
          text={texts[lang]}
          headingLevel={headingLevel}
        />
      ))}
    </div>
  )
}

/** A word diff: removed words in <del>, added ones in <ins>, each announced by words, not only struck or coloured. */
export function TextDiffView({ diff }: { diff: TextDiff }) {
  const { t } = useTranslation('drafts')
  return (
    <span className="consultation-diff">
      {diff.segments.map((s, i) =>
        s.kind === 'same' ? (
          <Fragment key={i}>{s.text}</Fragment>
        ) : s.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('amendment.diff.addedStart')}</span>
            {s.text}
            <span className="visually-hidden">{t('amendment.diff.end')}</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('amendment.diff.removedStart')}</span>
            {s.text}
            <span className="visually-hidden">{t('amendment.diff.end')}</span>
          </del>
        ),
      )}
    </span>
  )
}

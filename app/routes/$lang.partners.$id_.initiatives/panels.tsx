// The pieces of a partner's initiatives page: what is linked (each with its unlink button), and the forms that
// link more, from a select per kind or by a number or a page's address.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { initiativeKinds, type InitiativeKind } from '~/features/partners/schemas'
import type { Language } from '~/utils/i18n'

type LinkedItem = {
  initiativeId: number
  href: string
  title: string
  titleEn: string
  titleAr: string
  note: string | null
}

const groupKey = {
  meeting: 'meetings',
  programme: 'programmes',
  resource: 'resources',
} as const

export function LinkedInitiatives({ linked, lang }: { linked: Record<InitiativeKind, LinkedItem[]>; lang: Language }) {
  const { t } = useTranslation('partners')
  const anyLinked = initiativeKinds.some((k) => linked[k].length > 0)
  return (
    <section aria-labelledby="linked-title">
      <h2 id="linked-title">{t('initiatives.linkedTitle')}</h2>
      {anyLinked ? (
        initiativeKinds.map((kind) =>
          linked[kind].length ? (
            <section key={kind} aria-labelledby={`linked-${kind}`}>
              <h3 id={`linked-${kind}`}>{t(`detail.${groupKey[kind]}`)}</h3>
              <ul className="linked-list">
                {linked[kind].map((item) => (
                  <li key={item.initiativeId}>
                    <div>
                      <Link to={item.href}>
                        <BilingualText en={item.titleEn} ar={item.titleAr} lang={lang} />
                      </Link>
                      {item.note ? <p className="muted">{item.note}</p> : null}
                    </div>
                    <Form method="post">
                      <input type="hidden" name="initiativeId" value={item.initiativeId} />
                      <button type="submit" name="intent" value="unlink" className="button button--quiet button--small">
                        {t('initiatives.unlink')}
                        <span className="visually-hidden"> {item.title}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )
      ) : (
        <p className="muted">{t('initiatives.none')}</p>
      )}
    </section>
  )
}

export function LinkFromList({
  kind,
  options,
  invalid,
}: {
  kind: InitiativeKind
  options: { id: number; label: string; draft: boolean }[]
  invalid: boolean
}) {
  const { t } = useTranslation('partners')
  const id = `choose-${kind}`
  if (!options.length) {
    return (
      <div className="link-form">
        <p className="link-form__label">{t(`initiatives.choose.${kind}`)}</p>
        <p className="muted">{t('initiatives.nothingToLink')}</p>
      </div>
    )
  }
  return (
    <Form method="post" className="link-form">
      <input type="hidden" name="form" value={kind} />
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={id}>{t(`initiatives.choose.${kind}`)}</label>
        <select id={id} name="id" defaultValue="" aria-invalid={invalid ? true : undefined}>
          <option value="">{t('initiatives.chooseOne')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.draft ? `${o.label} (${t('initiatives.draft')})` : o.label}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button type="submit" name="intent" value="link" className="button button--small">
          {t(`initiatives.linkThis.${kind}`)}
        </button>
      </p>
    </Form>
  )
}

export function LinkByReference({ lang, invalid }: { lang: Language; invalid: boolean }) {
  const { t } = useTranslation('partners')
  return (
    <Form method="post" className="link-form">
      <h3 id="link-by-reference">{t('initiatives.byReferenceTitle')}</h3>
      <input type="hidden" name="form" value="reference" />
      <div className="link-form__row">
        <div className="field link-form__kind">
          <label htmlFor="link-kind">{t('initiatives.kind')}</label>
          <select id="link-kind" name="kind" defaultValue="meeting">
            {initiativeKinds.map((k) => (
              <option key={k} value={k}>
                {t(`initiatives.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="link-reference">{t('initiatives.reference')}</label>
          <input
            id="link-reference"
            name="reference"
            type="text"
            dir="ltr"
            autoComplete="off"
            maxLength={500}
            aria-describedby="link-reference-hint"
            aria-invalid={invalid ? true : undefined}
          />
        </div>
      </div>
      <p className="field__hint" id="link-reference-hint">
        {t('initiatives.referenceHint', { example: `/${lang}/meetings/12` })}
      </p>
      <p>
        <button type="submit" name="intent" value="link" className="button">
          {t('initiatives.link')}
        </button>
      </p>
    </Form>
  )
}

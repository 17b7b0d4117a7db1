// The versions page's parts: the history of saved versions (newest first), the editors' "save a version" form and
// the form that picks two texts to compare (a GET form to the comparison page, so it works without JavaScript).
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormTextarea, useServerForm } from '~/components/form/conform-fields'
import { SubmitRow } from '~/components/form/form-parts'
import { FormError } from '~/components/status-message'
import { SelectField } from '~/components/ui/field'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { errorKey, asDraftsError } from '../errors'
import type { TextLanguage } from '../snapshot'
import { draftLimits } from '../vocabulary'
import { VersionExports } from './version-exports'

export type VersionRow = {
  number: number
  note: string
  createdAt: string
  provisionCount: number
  createdBy: string | null
}

export function VersionHistory({
  lang,
  draftId,
  versions,
  languages,
}: {
  lang: Language
  draftId: number
  versions: VersionRow[]
  languages: TextLanguage[]
}) {
  const { t } = useTranslation('drafts')
  const base = `/${lang}/drafts/${draftId}`
  return (
    <section className="version-section" aria-labelledby="version-history">
      <h2 id="version-history">{t('versions.history')}</h2>
      {versions.length === 0 ? (
        <p>{t('versions.none')}</p>
      ) : (
        <ol className="version-list" reversed>
          {versions.map((v, i) => {
            const previous = versions[i + 1]
            return (
              <li key={v.number} className="version-item" id={`version-${v.number}`}>
                <h3 className="version-item__title">
                  <Link to={`${base}/versions/${v.number}`}>{t('versions.number', { n: v.number })}</Link>
                </h3>
                <p className="version-item__meta">
                  <time dateTime={v.createdAt}>
                    {t('versions.utc', { time: formatDate(new Date(v.createdAt), lang, 'dateTime') })}
                  </time>
                  <span dir="auto">{t('versions.savedBy', { name: v.createdBy ?? t('versions.formerAccount') })}</span>
                  <span>{t('versions.provisions', { count: v.provisionCount })}</span>
                </p>
                <p className={v.note ? 'version-item__note' : 'version-item__note muted'} dir="auto">
                  {v.note || t('versions.noNote')}
                </p>
                <div className="version-item__actions">
                  {previous ? (
                    <Link to={`${base}/compare?from=${previous.number}&to=${v.number}`}>
                      {t('versions.compareWithPrevious', { n: previous.number })}
                    </Link>
                  ) : null}
                  <VersionExports draftId={draftId} version={v.number} languages={languages} compact />
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

/** Editors only (the page shows it to them; the action checks again). */
export function VersionSaveForm({
  nextNumber,
  lastResult,
}: {
  nextNumber: number
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation(['drafts', 'common'])
  const [form, fields] = useServerForm<{ note: string }>({ id: 'version-save', lastResult, defaultValue: {} })
  // The form's own errors are the drafts' refusals (draftClosed, tooLong for too many versions).
  const formError = form.errors?.[0]
  return (
    <section className="version-section version-save" aria-labelledby="version-save-title">
      <h2 id="version-save-title">{t('versions.saveTitle')}</h2>
      <p className="muted">{t('versions.saveLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormError id={form.errorId}>{formError ? t(errorKey(asDraftsError(formError))) : null}</FormError>
        <FormTextarea
          field={fields.note}
          label={t('versions.note')}
          hint={t('versions.noteHint')}
          rows={3}
          maxLength={draftLimits.note}
        />
        <SubmitRow label={t('versions.save', { n: nextNumber })} />
      </Form>
    </section>
  )
}

/** Two selects (defaults: the two newest versions, or the only one and the working text) and a GET to /compare. */
export function VersionCompareForm({
  lang,
  draftId,
  numbers,
  from,
  to,
}: {
  lang: Language
  draftId: number
  /** Saved version numbers, newest first. */
  numbers: number[]
  from?: number
  to?: number | 'current'
}) {
  const { t } = useTranslation('drafts')
  if (numbers.length === 0) return null
  const options = numbers.map((n) => ({ value: String(n), label: t('versions.number', { n }) }))
  const current = { value: 'current', label: t('versions.current') }
  const defaultFrom = from ?? (numbers.length > 1 ? numbers[1]! : numbers[0]!)
  const defaultTo = to ?? (numbers.length > 1 ? numbers[0]! : 'current')
  return (
    <section className="version-section version-compare-form" aria-labelledby="version-compare-title">
      <h2 id="version-compare-title">{t('versions.compareTitle')}</h2>
      {/* Keyed by its defaults: a select keeps its first value when the page's data changes under it. */}
      <Form
        key={`${defaultFrom}-${defaultTo}`}
        method="get"
        action={`/${lang}/drafts/${draftId}/compare`}
        className="version-compare-form__row"
      >
        <SelectField
          id="compare-from"
          name="from"
          label={t('versions.from')}
          defaultValue={String(defaultFrom)}
          options={options}
        />
        <SelectField
          id="compare-to"
          name="to"
          label={t('versions.to')}
          defaultValue={String(defaultTo)}
          options={[current, ...options]}
        />
        <SubmitRow label={t('versions.compare')} className="version-compare-form__submit" />
      </Form>
    </section>
  )
}

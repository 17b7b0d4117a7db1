// The one component that renders a question as the inputs a respondent fills in (issue 16): the preview and the
// answer form both use it, so a question looks the same wherever it is asked. Plain uncontrolled controls, so the
// form works without JavaScript; the names follow conform's dotted paths (`answers.q12.r34`).
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { mechanismKinds } from '~/utils/vocabulary'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import type { Question } from '../questionnaire.server'
import { scaleMax, scaleMin, surveyLimits, yesNoValues } from '../vocabulary'

/**
 * What a field shows as already answered, as the strings a form would send back (so a refused submission can be
 * shown again as typed): `optionIds` for choices (one for a single choice), `choice` for yes/no, `number` for a
 * number or a scale, `text` for texts and dates (YYYY-MM-DD), `rows` (row option id → 1–5) for a matrix, `file`
 * for the file already given, `mechanismId` ('' | an id | 'new') and `proposal` for a mechanism.
 */
export type QuestionFieldValue = {
  optionIds?: string[]
  choice?: string
  number?: string
  text?: string
  rows?: Record<string, string>
  file?: { name: string; href?: string } | null
  mechanismId?: string
  proposal?: Partial<Record<MechanismProposalField, string>>
}

export const mechanismProposalFields = ['kind', 'nameEn', 'nameAr', 'descriptionEn', 'descriptionAr', 'year'] as const
export type MechanismProposalField = (typeof mechanismProposalFields)[number]

/** A mechanism of the respondent's parliament, to be picked as a mechanism question's answer. */
export type MechanismChoice = { id: number; nameEn: string; nameAr: string; kind: string }

/** The value of a mechanism question's select that means "a mechanism not yet in the directory". */
export const newMechanismValue = 'new'

/**
 * The form names of a question's parts under `namePrefix` (default `answers.`): the question's own name (choices,
 * yes/no, scale, number, date, texts, file), a matrix row's, and a mechanism's select and new-mechanism fields.
 */
export function questionFieldNames(question: Pick<Question, 'id'>, namePrefix = 'answers.') {
  const base = `${namePrefix}q${question.id}`
  return {
    base,
    row: (optionId: number) => `${base}.r${optionId}`,
    mechanismId: `${base}.mechanismId`,
    proposal: (field: MechanismProposalField) => `${base}.proposal.${field}`,
  }
}

type Props = {
  question: Question
  lang: Language
  /** Prefix of the field names (see questionFieldNames). */
  namePrefix?: string
  value?: QuestionFieldValue
  /** Already-translated messages about this answer. */
  error?: string | string[]
  disabled?: boolean
  /** A mechanism question: the mechanisms of the respondent's parliament to pick from. */
  mechanisms?: MechanismChoice[]
  /** A sentence saying when the question is shown ("Shown only if Q4 is Yes"), under its help. */
  conditionNote?: ReactNode
}

const idOf = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-')

function Text({ en, ar, lang }: { en: string; ar: string; lang: Language }) {
  const picked = pickLanguage({ en, ar }, lang)
  return picked.lang ? (
    <span lang={picked.lang} dir="auto">
      {picked.text}
    </span>
  ) : (
    <>{picked.text}</>
  )
}

/** A question as inputs: a fieldset for choices, a scale and a matrix; a labelled control for the others. */
export function QuestionField({
  question: q,
  lang,
  namePrefix = 'answers.',
  value = {},
  error,
  disabled,
  mechanisms = [],
  conditionNote,
}: Props) {
  const { t } = useTranslation('surveys')
  const names = questionFieldNames(q, namePrefix)
  const id = idOf(names.base)
  const errors = error === undefined ? [] : Array.isArray(error) ? error : [error]
  const hasHelp = Boolean(q.helpEn || q.helpAr)
  const hintId = hasHelp ? `${id}-hint` : undefined
  const noteId = conditionNote ? `${id}-condition` : undefined
  const errorId = errors.length ? `${id}-error` : undefined
  const describedBy = [hintId, noteId, errorId].filter(Boolean).join(' ') || undefined
  const invalid = errorId ? true : undefined

  const label = (
    <>
      <span className="question-field__number">{t('field.number', { number: q.number })}</span>{' '}
      <Text en={q.textEn} ar={q.textAr} lang={lang} />
      {q.isRequired ? <span className="question-field__required"> {t('field.required')}</span> : null}
    </>
  )
  const notes = (
    <>
      {hasHelp ? (
        <p className="field__hint" id={hintId}>
          <Text en={q.helpEn} ar={q.helpAr} lang={lang} />
        </p>
      ) : null}
      {conditionNote ? (
        <p className="field__hint question-field__condition" id={noteId}>
          {conditionNote}
        </p>
      ) : null}
      {errorId ? (
        <ul className="field__errors" id={errorId}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
  const fieldset = (body: ReactNode, className = '') => (
    <fieldset
      className={`question-field choice-group ${className}`.trim()}
      aria-describedby={describedBy}
      data-question={q.id}
      data-kind={q.kind}
    >
      <legend>{label}</legend>
      {notes}
      {body}
    </fieldset>
  )
  const single = (control: ReactNode, after?: ReactNode) => (
    <div className="question-field field" data-question={q.id} data-kind={q.kind}>
      <label htmlFor={id}>{label}</label>
      {notes}
      <div className="question-field__control">
        {control}
        {after}
      </div>
    </div>
  )
  const radio = (name: string, optionValue: string, checked: boolean, text: ReactNode, key = optionValue) => (
    <div className="field field--check" key={key}>
      <input
        type="radio"
        id={idOf(`${name}-${optionValue}`)}
        name={name}
        value={optionValue}
        defaultChecked={checked}
        disabled={disabled}
      />
      <label htmlFor={idOf(`${name}-${optionValue}`)}>{text}</label>
    </div>
  )
  const scaleEnd = (n: number) =>
    n === scaleMin && (q.scaleLowEn || q.scaleLowAr) ? (
      <Text en={q.scaleLowEn} ar={q.scaleLowAr} lang={lang} />
    ) : n === scaleMax && (q.scaleHighEn || q.scaleHighAr) ? (
      <Text en={q.scaleHighEn} ar={q.scaleHighAr} lang={lang} />
    ) : null
  const scalePoints = Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => scaleMin + i)

  switch (q.kind) {
    case 'single_choice':
    case 'multiple_choice': {
      const type = q.kind === 'single_choice' ? 'radio' : 'checkbox'
      const picked = new Set(value.optionIds ?? [])
      return fieldset(
        <div className="choice-group__options">
          {q.options.map((o) => {
            const optionId = idOf(`${names.base}-${o.id}`)
            return (
              <div className="field field--check" key={o.id}>
                <input
                  type={type}
                  id={optionId}
                  name={names.base}
                  value={String(o.id)}
                  defaultChecked={picked.has(String(o.id))}
                  disabled={disabled}
                />
                <label htmlFor={optionId}>
                  <Text en={o.labelEn} ar={o.labelAr} lang={lang} />
                </label>
              </div>
            )
          })}
        </div>,
      )
    }
    case 'yes_no':
      return fieldset(
        <div className="choice-group__options question-field__inline">
          {yesNoValues.map((v) => radio(names.base, v, value.choice === v, t(`field.yesNo.${v}`)))}
        </div>,
      )
    case 'scale':
      return fieldset(
        <div className="choice-group__options question-field__scale">
          {scalePoints.map((n) => {
            const end = scaleEnd(n)
            return radio(
              names.base,
              String(n),
              value.number === String(n),
              end ? (
                <>
                  {n} <span className="question-field__scale-end">({end})</span>
                </>
              ) : (
                String(n)
              ),
            )
          })}
        </div>,
      )
    case 'matrix': {
      const headId = (n: number) => `${id}-col-${n}`
      return fieldset(
        <div className="question-field__matrix">
          <table>
            <thead>
              <tr>
                <td />
                {scalePoints.map((n) => {
                  const end = scaleEnd(n)
                  return (
                    <th scope="col" key={n} id={headId(n)}>
                      {n}
                      {end ? (
                        <>
                          <br />
                          <span className="question-field__scale-end">{end}</span>
                        </>
                      ) : null}
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {q.options.map((o) => {
                const rowId = `${id}-row-${o.id}`
                return (
                  <tr key={o.id}>
                    <th scope="row" id={rowId}>
                      <Text en={o.labelEn} ar={o.labelAr} lang={lang} />
                    </th>
                    {scalePoints.map((n) => (
                      <td key={n}>
                        <input
                          type="radio"
                          name={names.row(o.id)}
                          value={String(n)}
                          aria-labelledby={`${rowId} ${headId(n)}`}
                          defaultChecked={value.rows?.[String(o.id)] === String(n)}
                          disabled={disabled}
                        />
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>,
        'question-field--matrix',
      )
    }
    case 'number': {
      const unit = q.unitEn || q.unitAr ? <Text en={q.unitEn} ar={q.unitAr} lang={lang} /> : null
      const bounds =
        q.numberMin !== null && q.numberMax !== null
          ? t('field.between', { min: q.numberMin, max: q.numberMax })
          : q.numberMin !== null
            ? t('field.atLeast', { min: q.numberMin })
            : q.numberMax !== null
              ? t('field.atMost', { max: q.numberMax })
              : ''
      const unitId = `${id}-unit`
      return single(
        <input
          type="number"
          id={id}
          name={names.base}
          inputMode="decimal"
          step="any"
          min={q.numberMin ?? undefined}
          max={q.numberMax ?? undefined}
          defaultValue={value.number ?? ''}
          disabled={disabled}
          aria-required={q.isRequired || undefined}
          aria-invalid={invalid}
          aria-describedby={[describedBy, unit || bounds ? unitId : ''].filter(Boolean).join(' ') || undefined}
        />,
        unit || bounds ? (
          <span className="question-field__unit" id={unitId}>
            {unit}
            {unit && bounds ? ' · ' : null}
            {bounds}
          </span>
        ) : null,
      )
    }
    case 'date':
      return single(
        <input
          type="date"
          id={id}
          name={names.base}
          defaultValue={value.text ?? ''}
          disabled={disabled}
          aria-required={q.isRequired || undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />,
      )
    case 'short_text':
      return single(
        <input
          type="text"
          id={id}
          name={names.base}
          dir="auto"
          maxLength={surveyLimits.shortText}
          defaultValue={value.text ?? ''}
          disabled={disabled}
          aria-required={q.isRequired || undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />,
      )
    case 'long_text':
      return single(
        <textarea
          id={id}
          name={names.base}
          dir="auto"
          rows={6}
          maxLength={surveyLimits.longText}
          defaultValue={value.text ?? ''}
          disabled={disabled}
          aria-required={q.isRequired || undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />,
      )
    case 'file':
      return single(
        <input
          type="file"
          id={id}
          name={names.base}
          disabled={disabled}
          aria-required={(q.isRequired && !value.file) || undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />,
        value.file ? (
          <p className="question-field__file">
            {t('field.fileGiven')}{' '}
            {value.file.href ? (
              <a href={value.file.href} dir="auto">
                {value.file.name}
              </a>
            ) : (
              <span dir="auto">{value.file.name}</span>
            )}
          </p>
        ) : null,
      )
    case 'mechanism':
      return fieldset(
        <MechanismParts
          names={names}
          id={id}
          lang={lang}
          value={value}
          disabled={disabled}
          mechanisms={mechanisms}
          invalid={invalid}
        />,
        'question-field--mechanism',
      )
  }
}

function MechanismParts({
  names,
  id,
  lang,
  value,
  disabled,
  mechanisms,
  invalid,
}: {
  names: ReturnType<typeof questionFieldNames>
  id: string
  lang: Language
  value: QuestionFieldValue
  disabled?: boolean
  mechanisms: MechanismChoice[]
  invalid?: boolean
}) {
  const { t } = useTranslation('surveys')
  const proposal = value.proposal ?? {}
  const part = (field: MechanismProposalField) => ({
    id: `${id}-${field}`,
    name: names.proposal(field),
    defaultValue: proposal[field] ?? '',
    disabled,
  })
  return (
    <div className="question-field__mechanism stack">
      <div className="field">
        <label htmlFor={`${id}-pick`}>{t('field.mechanism.pick')}</label>
        <select
          id={`${id}-pick`}
          name={names.mechanismId}
          defaultValue={value.mechanismId ?? ''}
          disabled={disabled}
          aria-invalid={invalid}
        >
          <option value="">{t('field.mechanism.none')}</option>
          {mechanisms.map((m) => {
            const picked = pickLanguage({ en: m.nameEn, ar: m.nameAr }, lang)
            return (
              <option key={m.id} value={String(m.id)} lang={picked.lang}>
                {picked.text} ({t(`field.mechanismKinds.${m.kind}`, { defaultValue: m.kind })})
              </option>
            )
          })}
          <option value={newMechanismValue}>{t('field.mechanism.new')}</option>
        </select>
      </div>
      <fieldset className="question-field__new-mechanism">
        <legend>{t('field.mechanism.describe')}</legend>
        <p className="field__hint">{t('field.mechanism.describeHint')}</p>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('field.mechanism.kind')}</label>
          <select {...part('kind')}>
            <option value="">{t('field.mechanism.chooseKind')}</option>
            {mechanismKinds.map((k) => (
              <option key={k} value={k}>
                {t(`field.mechanismKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-nameEn`}>{t('field.mechanism.nameEn')}</label>
          <input type="text" lang="en" dir="ltr" maxLength={surveyLimits.title} {...part('nameEn')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-nameAr`}>{t('field.mechanism.nameAr')}</label>
          <input type="text" lang="ar" dir="rtl" maxLength={surveyLimits.title} {...part('nameAr')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-descriptionEn`}>{t('field.mechanism.descriptionEn')}</label>
          <textarea lang="en" dir="ltr" rows={3} maxLength={surveyLimits.help} {...part('descriptionEn')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-descriptionAr`}>{t('field.mechanism.descriptionAr')}</label>
          <textarea lang="ar" dir="rtl" rows={3} maxLength={surveyLimits.help} {...part('descriptionAr')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('field.mechanism.year')}</label>
          <input type="number" inputMode="numeric" min={1900} max={2100} step={1} {...part('year')} />
        </div>
      </fieldset>
    </div>
  )
}

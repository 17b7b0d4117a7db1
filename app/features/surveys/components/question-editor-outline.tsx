// The edit page's outline: each section with its questions in reading order, each with its facts (kind, required,
// condition, closed, answered) and its tools (edit, move, close or reopen, delete) as small forms that work without
// JavaScript. The question or section being edited shows its form in place.
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import type { Language } from '~/utils/i18n'
import type { SurveysError } from '../errors'
import type { QuestionKind } from '../vocabulary'
import { useConditionText, type ConditionSource } from './condition-text'
import { useSurveysErrorText } from './question-editor'

export type OutlineQuestion = ConditionSource & {
  isRequired: boolean
  closedAt: string | Date | null
  conditionQuestionId: number | null
  conditionValue: string | null
  answered: boolean
}
export type OutlineSection = {
  id: number
  titleEn: string
  titleAr: string
  descriptionEn: string
  descriptionAr: string
  questions: OutlineQuestion[]
}
export type ButtonError = { intent: string; target: number | null; error: SurveysError }

function Tool({
  intent,
  name,
  id,
  direction,
  label,
  hidden,
}: {
  intent: string
  name: 'sectionId' | 'questionId'
  id: number
  direction?: 'up' | 'down'
  label: ReactNode
  hidden: string
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={name} value={String(id)} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button button--small button--quiet">
        {label}
        <span className="visually-hidden"> {hidden}</span>
      </button>
    </Form>
  )
}

export function SectionTitle({
  index,
  section,
  lang,
}: {
  index: number
  section: { titleEn: string; titleAr: string }
  lang: Language
}) {
  const { t } = useTranslation('surveys')
  return section.titleEn || section.titleAr ? (
    <>
      {t('section.numbered', { n: index + 1 })} <BilingualText en={section.titleEn} ar={section.titleAr} lang={lang} />
    </>
  ) : (
    <>{t('section.untitled', { n: index + 1 })}</>
  )
}

export function QuestionOutline({
  lang,
  sections,
  questions,
  base,
  editing,
  buttonError,
  questionEditor,
  sectionEditor,
}: {
  lang: Language
  sections: OutlineSection[]
  questions: OutlineQuestion[]
  /** The edit page's address. */
  base: string
  editing: { question: number | null; section: number | null }
  buttonError: ButtonError | null
  questionEditor: (q: OutlineQuestion) => ReactNode
  sectionEditor: (s: OutlineSection) => ReactNode
}) {
  const { t } = useTranslation('surveys')
  const errorText = useSurveysErrorText()
  const condition = useConditionText(lang)
  const errorAt = (kind: 'section' | 'question', id: number) =>
    buttonError && buttonError.target === id && buttonError.intent.toLowerCase().includes(kind) ? (
      <p className="form-error" role="alert" id={`${kind}-${id}-error`}>
        {errorText([buttonError.error])?.[0]}
      </p>
    ) : null
  return (
    <div className="survey-outline">
      {sections.map((section, si) => {
        const name = t('section.numbered', { n: si + 1 })
        return (
          <section
            key={section.id}
            id={`section-${section.id}`}
            className="survey-section"
            aria-labelledby={`section-${section.id}-title`}
          >
            <h3 id={`section-${section.id}-title`}>
              <SectionTitle index={si} section={section} lang={lang} />
            </h3>
            {section.descriptionEn || section.descriptionAr ? (
              <p className="muted">
                <BilingualText en={section.descriptionEn} ar={section.descriptionAr} lang={lang} />
              </p>
            ) : null}
            {errorAt('section', section.id)}
            <div className="survey-tools-row">
              <Link
                className="button button--small button--quiet"
                to={`${base}?section=${section.id}#section-${section.id}-form`}
              >
                {t('section.edit')}
                <span className="visually-hidden"> {name}</span>
              </Link>
              {si > 0 ? (
                <Tool
                  intent="moveSection"
                  name="sectionId"
                  id={section.id}
                  direction="up"
                  label={t('tools.up')}
                  hidden={name}
                />
              ) : null}
              {si < sections.length - 1 ? (
                <Tool
                  intent="moveSection"
                  name="sectionId"
                  id={section.id}
                  direction="down"
                  label={t('tools.down')}
                  hidden={name}
                />
              ) : null}
              {section.questions.length === 0 ? (
                <Tool intent="deleteSection" name="sectionId" id={section.id} label={t('tools.delete')} hidden={name} />
              ) : null}
            </div>
            {editing.section === section.id ? sectionEditor(section) : null}
            {section.questions.length ? (
              <ol className="survey-questions">
                {section.questions.map((q, qi) => {
                  const label = t('field.number', { number: q.number })
                  const note = condition.note(q, questions)
                  return (
                    <li key={q.id} id={`question-${q.id}`} className="survey-question">
                      <p className="survey-question__text">
                        <strong>{label}</strong> <BilingualText en={q.textEn} ar={q.textAr} lang={lang} />
                      </p>
                      <p className="survey-question__facts">
                        <span className="badge">{t(`kind.${q.kind as QuestionKind}`)}</span>
                        {q.isRequired ? <span className="badge">{t('outline.required')}</span> : null}
                        {q.closedAt ? <span className="badge survey-status--closed">{t('outline.closed')}</span> : null}
                        {q.answered ? <span className="badge">{t('outline.answered')}</span> : null}
                        {q.options.length ? (
                          <span className="muted">
                            {q.options.map((o, i) => (
                              <span key={o.id}>
                                {i > 0 ? t('outline.separator') : null}
                                <BilingualText en={o.labelEn} ar={o.labelAr} lang={lang} />
                              </span>
                            ))}
                          </span>
                        ) : null}
                      </p>
                      {note ? <p className="survey-question__condition">{note}</p> : null}
                      {errorAt('question', q.id)}
                      <div className="survey-tools-row">
                        <Link
                          className="button button--small button--quiet"
                          to={`${base}?question=${q.id}#question-${q.id}-form`}
                        >
                          {t('tools.edit')}
                          <span className="visually-hidden"> {label}</span>
                        </Link>
                        {qi > 0 ? (
                          <Tool
                            intent="moveQuestion"
                            name="questionId"
                            id={q.id}
                            direction="up"
                            label={t('tools.up')}
                            hidden={label}
                          />
                        ) : null}
                        {qi < section.questions.length - 1 ? (
                          <Tool
                            intent="moveQuestion"
                            name="questionId"
                            id={q.id}
                            direction="down"
                            label={t('tools.down')}
                            hidden={label}
                          />
                        ) : null}
                        {q.closedAt ? (
                          <Tool
                            intent="reopenQuestion"
                            name="questionId"
                            id={q.id}
                            label={t('tools.reopen')}
                            hidden={label}
                          />
                        ) : (
                          <Tool
                            intent="closeQuestion"
                            name="questionId"
                            id={q.id}
                            label={t('tools.close')}
                            hidden={label}
                          />
                        )}
                        {q.answered ? null : (
                          <Tool
                            intent="deleteQuestion"
                            name="questionId"
                            id={q.id}
                            label={t('tools.delete')}
                            hidden={label}
                          />
                        )}
                      </div>
                      {editing.question === q.id ? questionEditor(q) : null}
                    </li>
                  )
                })}
              </ol>
            ) : (
              <p className="muted">{t('section.empty')}</p>
            )}
          </section>
        )
      })}
    </div>
  )
}

import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { useConditionText } from '~/features/surveys/components/condition-text'
import { QuestionField, questionFieldNames } from '~/features/surveys/components/question-field'
import { SectionTitle } from '~/features/surveys/components/question-editor-outline'
import { isShown } from '~/features/surveys/conditions'
import { requireSurveyManager } from '~/features/surveys/guards.server'
import { loadQuestionnaire } from '~/features/surveys/questionnaire.server'
import { pickLanguage } from '~/utils/bilingual'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { survey: s } = requireSurveyManager(request, params.id)
  const q = loadQuestionnaire(s.id)!
  const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text
  // Closed questions are no longer asked: the preview shows what a respondent sees now.
  const sections = q.sections.map((sec) => ({ ...sec, questions: sec.questions.filter((x) => !x.closedAt) }))
  return {
    lang,
    survey: { id: s.id, titleEn: s.titleEn, titleAr: s.titleAr, introEn: s.introEn, introAr: s.introAr },
    sections,
    title: pageTitle(lang, 'preview.pageTitle', 'surveys', { title }),
  }
}

export const handle = { i18n: ['surveys'] }

export default function PreviewSurvey() {
  const { lang, survey: s, sections } = useLoaderData<typeof loader>()
  const { t } = useTranslation('surveys')
  const condition = useConditionText(lang)
  const questions = sections.flatMap((sec) => sec.questions)
  const intro = pickLanguage({ en: s.introEn, ar: s.introAr }, lang)
  // With JavaScript the display conditions apply as the coordinator tries answers; without it every question shows.
  const [answers, setAnswers] = useState<Map<number, string[]> | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const readAnswers = () => {
    if (!formRef.current) return
    const data = new FormData(formRef.current)
    setAnswers(new Map(questions.map((q) => [q.id, data.getAll(questionFieldNames(q).base).map(String)])))
  }
  // Once hydrated, the conditions apply to what the form holds (nothing yet).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(readAnswers, [])
  const shown = (q: (typeof questions)[number]) =>
    answers === null || q.conditionQuestionId === null || isShown(q, answers.get(q.conditionQuestionId))
  return (
    <div className="page narrow survey-preview">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${s.id}/edit`}>{t('preview.back')}</Link>
      </p>
      <p className="notice" role="note">
        {t('preview.notice')}
      </p>
      <h1>
        <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
      </h1>
      {intro.text ? (
        <div className="survey-intro" lang={intro.lang} dir="auto">
          {intro.text.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      ) : null}
      <form
        ref={formRef}
        className="stack survey-answers"
        aria-label={t('preview.formLabel')}
        onChange={readAnswers}
        onSubmit={(e) => e.preventDefault()}
      >
        {sections.map((sec, i) => (
          <section key={sec.id} className="survey-answers__section" aria-labelledby={`preview-section-${sec.id}`}>
            <h2 id={`preview-section-${sec.id}`}>
              <SectionTitle index={i} section={sec} lang={lang} />
            </h2>
            {sec.descriptionEn || sec.descriptionAr ? (
              <p className="muted">
                <BilingualText en={sec.descriptionEn} ar={sec.descriptionAr} lang={lang} />
              </p>
            ) : null}
            {sec.questions.length === 0 ? <p className="muted">{t('section.empty')}</p> : null}
            {sec.questions.map((q) => (
              <div key={q.id} className="survey-answers__question" hidden={!shown(q)}>
                <QuestionField question={q} lang={lang} conditionNote={condition.note(q, questions)} />
              </div>
            ))}
          </section>
        ))}
      </form>
      <p>
        <Link to={`/${lang}/surveys/${s.id}/edit`}>{t('preview.back')}</Link>
      </p>
    </div>
  )
}

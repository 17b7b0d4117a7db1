import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError, StatusMessage } from '~/components/status-message'
import { useConditionText } from '~/features/surveys/components/condition-text'
import {
  QuestionEditor,
  useSurveysErrorText,
  type QuestionFormValues,
} from '~/features/surveys/components/question-editor'
import { QuestionOutline, type OutlineQuestion } from '~/features/surveys/components/question-editor-outline'
import { SectionForm, type SectionFormValues } from '~/features/surveys/components/section-form'
import { SurveyForm } from '~/features/surveys/components/survey-form'
import { readDone } from '~/features/surveys/done'
import { requireSurveyManager } from '~/features/surveys/guards.server'
import { loadQuestionnaire, type Question } from '~/features/surveys/questionnaire.server'
import { answeredQuestionIds } from '~/features/surveys/survey.server'
import { pickLanguage } from '~/utils/bilingual'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { runEditIntent, type EditActionData } from './intents.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** A question's form values as the form holds them (strings). */
function questionValues(q: Question): QuestionFormValues {
  const num = (n: number | null) => (n === null ? '' : String(n))
  return {
    sectionId: String(q.sectionId),
    kind: q.kind,
    textEn: q.textEn,
    textAr: q.textAr,
    helpEn: q.helpEn,
    helpAr: q.helpAr,
    isRequired: q.isRequired ? 'on' : '',
    scaleLowEn: q.scaleLowEn,
    scaleLowAr: q.scaleLowAr,
    scaleHighEn: q.scaleHighEn,
    scaleHighAr: q.scaleHighAr,
    unitEn: q.unitEn,
    unitAr: q.unitAr,
    numberMin: num(q.numberMin),
    numberMax: num(q.numberMax),
    condition: q.conditionQuestionId === null ? '' : `${q.conditionQuestionId}:${q.conditionValue}`,
    options: q.options.map((o) => ({ id: String(o.id), labelEn: o.labelEn, labelAr: o.labelAr })),
  }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { survey: s } = requireSurveyManager(request, params.id)
  const q = loadQuestionnaire(s.id)!
  const answered = answeredQuestionIds(s.id)
  const url = new URL(request.url)
  const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text
  const questions: (OutlineQuestion & { values: QuestionFormValues })[] = q.questions.map((x) => ({
    id: x.id,
    number: x.number,
    kind: x.kind,
    textEn: x.textEn,
    textAr: x.textAr,
    options: x.options.map((o) => ({ id: o.id, labelEn: o.labelEn, labelAr: o.labelAr })),
    isRequired: x.isRequired,
    closedAt: x.closedAt,
    conditionQuestionId: x.conditionQuestionId,
    conditionValue: x.conditionValue,
    answered: answered.has(x.id),
    values: questionValues(x),
  }))
  const byId = new Map(questions.map((x) => [x.id, x]))
  return {
    lang,
    done: readDone(url),
    survey: {
      id: s.id,
      titleEn: s.titleEn,
      titleAr: s.titleAr,
      introEn: s.introEn,
      introAr: s.introAr,
      status: s.status,
    },
    sections: q.sections.map((sec) => ({
      id: sec.id,
      titleEn: sec.titleEn,
      titleAr: sec.titleAr,
      descriptionEn: sec.descriptionEn,
      descriptionAr: sec.descriptionAr,
      questions: sec.questions.map((x) => byId.get(x.id)!),
    })),
    questions,
    editing: { question: readId(url.searchParams.get('question')), section: readId(url.searchParams.get('section')) },
    title: pageTitle(lang, 'edit.pageTitle', 'surveys', { title }),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey: s } = requireSurveyManager(request, params.id)
  return runEditIntent(request, s, user, lang)
}

export const handle = { i18n: ['surveys'] }

/** The values and codes a form came back with, when the answer is about it. */
function replyFor<T>(
  actionData: EditActionData | undefined,
  intents: string[],
  target: number | null,
): { values: T; errors: Record<string, string[] | null | undefined> } | null {
  if (!actionData?.result || !intents.includes(actionData.intent) || actionData.target !== target) return null
  return {
    values: (actionData.result.initialValue ?? {}) as T,
    errors: (actionData.result.error ?? {}) as Record<string, string[] | null | undefined>,
  }
}

export default function EditSurvey() {
  const { lang, done, survey: s, sections, questions, editing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as EditActionData | undefined
  const { t } = useTranslation('surveys')
  const errorText = useSurveysErrorText()
  const condition = useConditionText(lang)
  const base = `/${lang}/surveys/${s.id}/edit`
  const sectionChoices = sections.map((sec, i) => ({
    value: String(sec.id),
    label:
      sec.titleEn || sec.titleAr
        ? `${t('section.numbered', { n: i + 1 })} ${pickLanguage({ en: sec.titleEn, ar: sec.titleAr }, lang).text}`
        : t('section.untitled', { n: i + 1 }),
  }))
  // A question being edited comes back with what was sent; a failed new one too (with the form in view).
  const editingQuestion = actionData?.intent === 'saveQuestion' ? actionData.target : editing.question
  const editingSection = actionData?.intent === 'saveSection' ? actionData.target : editing.section
  const added = replyFor<QuestionFormValues>(actionData, ['addQuestion'], null)
  const addedSection = replyFor<SectionFormValues>(actionData, ['addSection'], null)
  const buttonError = actionData?.error
    ? { intent: actionData.intent, target: actionData.target, error: actionData.error }
    : null
  if (s.status === 'closed')
    return (
      <div className="page narrow survey-edit">
        <p className="breadcrumb">
          <Link to={`/${lang}/surveys/${s.id}`}>
            <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
          </Link>
        </p>
        <h1>{t('edit.title')}</h1>
        <p className="notice" role="note">
          {t('edit.closed')}
        </p>
      </div>
    )
  return (
    <div className="page narrow survey-edit">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${s.id}`}>
          <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('edit.title')}</h1>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {buttonError ? <FormError>{errorText([buttonError.error])?.[0]}</FormError> : null}
      <p className="lead">{s.status === 'open' ? t('edit.leadOpen') : t('edit.lead')}</p>
      <nav aria-label={t('overview.toolsLabel')} className="survey-tools">
        <ul>
          <li>
            <Link to={`/${lang}/surveys/${s.id}/preview`}>{t('overview.preview')}</Link>
          </li>
          <li>
            <Link to={`/${lang}/surveys/${s.id}/send`}>
              {s.status === 'draft' ? t('overview.send') : t('overview.sendMore')}
            </Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="survey-fields" className="survey-edit__part">
        <h2 id="survey-fields">{t('edit.fields')}</h2>
        <SurveyForm
          lastResult={actionData?.intent === 'saveSurvey' ? actionData.result : undefined}
          defaultValue={{ titleEn: s.titleEn, titleAr: s.titleAr, introEn: s.introEn, introAr: s.introAr }}
          intent="saveSurvey"
          submitLabel={t('form.save')}
        />
      </section>

      <section aria-labelledby="survey-structure" className="survey-edit__part">
        <h2 id="survey-structure">{t('edit.structure')}</h2>
        {questions.length === 0 ? <p>{t('edit.noQuestions')}</p> : null}
        <QuestionOutline
          lang={lang}
          sections={sections}
          questions={questions}
          base={base}
          editing={{ question: editingQuestion, section: editingSection }}
          buttonError={buttonError}
          questionEditor={(q) => {
            const full = questions.find((x) => x.id === q.id)!
            const reply = replyFor<QuestionFormValues>(actionData, ['saveQuestion'], q.id)
            return (
              <QuestionEditor
                key={`${q.id}-${reply ? 'reply' : 'saved'}`}
                questionId={q.id}
                level={4}
                values={reply?.values ?? full.values}
                errors={reply?.errors ?? {}}
                sections={sectionChoices}
                conditions={condition.choices(questions, q.id)}
                answered={q.answered}
                cancelTo={`${base}#question-${q.id}`}
              />
            )
          }}
          sectionEditor={(sec) => {
            const reply = replyFor<SectionFormValues>(actionData, ['saveSection'], sec.id)
            return (
              <SectionForm
                sectionId={sec.id}
                level={4}
                values={reply?.values ?? sec}
                errors={reply?.errors ?? {}}
                cancelTo={`${base}#section-${sec.id}`}
              />
            )
          }}
        />
      </section>

      {sections.length ? (
        <div className="survey-edit__part">
          <QuestionEditor
            questionId="add"
            level={2}
            values={added?.values ?? { sectionId: sectionChoices.at(-1)?.value, kind: 'single_choice' }}
            errors={added?.errors ?? {}}
            sections={sectionChoices}
            conditions={condition.choices(questions, null)}
          />
        </div>
      ) : null}

      <div className="survey-edit__part">
        <SectionForm
          sectionId="add"
          level={2}
          values={addedSection?.values ?? {}}
          errors={addedSection?.errors ?? {}}
        />
      </div>
    </div>
  )
}

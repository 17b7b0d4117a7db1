// The edit page's actions, one per intent (a zod discriminated union): the questionnaire's fields, sections and
// questions. A form's refusal comes back per field; a button's (move, close, delete) as one message for its item.
// The model functions parse what the form sent (`payload`) with the same schemas, so they are handed that.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import { QuestionSchema, SectionSchema, SurveySchema } from '~/features/surveys/builder-schemas'
import { withDone, type DoneKey } from '~/features/surveys/done'
import type { SurveysError } from '~/features/surveys/errors'
import type { SurveyRow } from '~/features/surveys/questionnaire.server'
import {
  addQuestion,
  addSection,
  deleteQuestion,
  deleteSection,
  moveQuestion,
  moveSection,
  setQuestionClosed,
  updateQuestion,
  updateSection,
  updateSurvey,
} from '~/features/surveys/survey.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { z } from '~/utils/zod'

const id = z.string().transform((v, ctx) => {
  const read = readId(v)
  if (read === null) {
    ctx.addIssue({ code: 'custom', message: 'invalid' })
    return z.NEVER
  }
  return read
})
const direction = z.enum(['up', 'down'])

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('saveSurvey') }),
  z.object({ intent: z.literal('addSection') }),
  z.object({ intent: z.literal('saveSection'), sectionId: id }),
  z.object({ intent: z.literal('moveSection'), sectionId: id, direction }),
  z.object({ intent: z.literal('deleteSection'), sectionId: id }),
  z.object({ intent: z.literal('addQuestion') }),
  z.object({ intent: z.literal('saveQuestion'), questionId: id }),
  z.object({ intent: z.literal('moveQuestion'), questionId: id, direction }),
  z.object({ intent: z.literal('closeQuestion'), questionId: id }),
  z.object({ intent: z.literal('reopenQuestion'), questionId: id }),
  z.object({ intent: z.literal('deleteQuestion'), questionId: id }),
])
export type Intent = z.output<typeof IntentSchema>['intent']

/** Where a model refusal of a question's form is shown ('' : the form's own message). */
function questionField(code: SurveysError) {
  if (code === 'textOneLanguage') return 'textEn'
  if (code === 'kindLocked') return 'kind'
  if (code === 'sectionNotFound') return 'sectionId'
  if (code === 'boundsOrder' || code === 'numberInvalid') return 'numberMax'
  if (code.startsWith('condition') || code === 'usedInCondition') return 'condition'
  if (/^(options|rows|tooManyOptions|optionLabel|optionNotFound|optionAnswered)/.test(code)) return 'options'
  return ''
}

export type EditActionData = {
  intent: Intent
  /** The section or question the answer is about (a form's or a button's). */
  target: number | null
  /** A form's submission: its values as sent and its codes per field. */
  result?: SubmissionResult<string[]>
  /** A button's refusal. */
  error?: SurveysError
}

function fail(body: EditActionData) {
  return data(body, { status: 400 })
}

export async function runEditIntent(request: Request, s: SurveyRow, by: { id: number }, lang: Language) {
  const formData = await request.formData()
  const parsed = IntentSchema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')))
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const intent = parsed.data
  const page = `/${lang}/surveys/${s.id}/edit`
  const done = (key: DoneKey, anchor?: string) => redirect(withDone(anchor ? `${page}#${anchor}` : page, key), 303)
  const reply = (
    submission: {
      reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>
    },
    target: number | null,
    code?: SurveysError,
    field = '',
  ) => {
    const errors = code ? (field ? { fieldErrors: { [field]: [code] } } : { formErrors: [code] }) : undefined
    return fail({ intent: intent.intent, target, result: submission.reply(errors) })
  }

  switch (intent.intent) {
    case 'saveSurvey': {
      const submission = parseWithZod(formData, { schema: SurveySchema })
      if (submission.status !== 'success') return reply(submission, null)
      const saved = updateSurvey(s, submission.payload, by)
      if (!saved.ok) return reply(submission, null, saved.error)
      return done('surveySaved')
    }
    case 'addSection':
    case 'saveSection': {
      const target = intent.intent === 'saveSection' ? intent.sectionId : null
      const submission = parseWithZod(formData, { schema: SectionSchema })
      if (submission.status !== 'success') return reply(submission, target)
      const saved =
        target === null ? addSection(s, submission.payload, by) : updateSection(s, target, submission.payload, by)
      if (!saved.ok) return reply(submission, target, saved.error)
      const sectionId = target ?? (saved.value as { id: number }).id
      return done(target === null ? 'sectionAdded' : 'sectionSaved', `section-${sectionId}`)
    }
    case 'addQuestion':
    case 'saveQuestion': {
      const target = intent.intent === 'saveQuestion' ? intent.questionId : null
      const submission = parseWithZod(formData, { schema: QuestionSchema })
      if (submission.status !== 'success') return reply(submission, target)
      const saved =
        target === null ? addQuestion(s, submission.payload, by) : updateQuestion(s, target, submission.payload, by)
      if (!saved.ok) return reply(submission, target, saved.error, questionField(saved.error))
      const questionId = target ?? (saved.value as { id: number }).id
      return done(target === null ? 'questionAdded' : 'questionSaved', `question-${questionId}`)
    }
    case 'moveSection': {
      const moved = moveSection(s, intent.sectionId, { direction: intent.direction }, by)
      if (!moved.ok) return fail({ intent: intent.intent, target: intent.sectionId, error: moved.error })
      return done('sectionMoved', `section-${intent.sectionId}`)
    }
    case 'deleteSection': {
      const deleted = deleteSection(s, intent.sectionId, by)
      if (!deleted.ok) return fail({ intent: intent.intent, target: intent.sectionId, error: deleted.error })
      return done('sectionDeleted')
    }
    case 'moveQuestion': {
      const moved = moveQuestion(s, intent.questionId, { direction: intent.direction }, by)
      if (!moved.ok) return fail({ intent: intent.intent, target: intent.questionId, error: moved.error })
      return done('questionMoved', `question-${intent.questionId}`)
    }
    case 'closeQuestion':
    case 'reopenQuestion': {
      const closing = intent.intent === 'closeQuestion'
      const changed = setQuestionClosed(s, intent.questionId, closing, by)
      if (!changed.ok) return fail({ intent: intent.intent, target: intent.questionId, error: changed.error })
      return done(closing ? 'questionClosed' : 'questionReopened', `question-${intent.questionId}`)
    }
    case 'deleteQuestion': {
      const deleted = deleteQuestion(s, intent.questionId, by)
      if (!deleted.ok) return fail({ intent: intent.intent, target: intent.questionId, error: deleted.error })
      return done('questionDeleted')
    }
  }
}

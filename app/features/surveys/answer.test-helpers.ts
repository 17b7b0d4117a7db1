// Shared by the answering tests: parliaments, people, a questionnaire of every kind of question sent to parliaments,
// written straight into the test database; and the row counts of every table answering might write.
import { sql } from 'drizzle-orm'
import {
  auditEvent,
  mechanism,
  mechanismPillar,
  mechanismProposal,
  outbox,
  parliament,
  survey,
  surveyAnswer,
  surveyAnswerChoice,
  surveyFile,
  surveyOption,
  surveyQuestion,
  surveyResponse,
  surveySection,
  user,
} from '#db/schema/index'
import type { Locale, Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { loadQuestionnaire } from './questionnaire.server'
import type { QuestionKind } from './vocabulary'

let parliaments = 0
export function addParliament(nameEn = `Answering parliament ${parliaments + 1}`) {
  parliaments++
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: `${String.fromCharCode(65 + (parliaments % 26))}${String.fromCharCode(75 + (parliaments % 15))}`,
      chamber: 'single',
      nameEn,
      nameAr: `البرلمان المجيب ${parliaments}`,
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

let people = 0
export function addPerson(parliamentId: number | null, role: Role = 'member', locale: Locale = 'en') {
  people++
  return getDb()
    .insert(user)
    .values({
      email: `answerer${people}@example.org`,
      name: `Answerer ${people}`,
      role,
      parliamentId,
      locale,
      passwordHash: 'x',
    })
    .returning({ id: user.id, name: user.name, email: user.email, role: user.role, parliamentId: user.parliamentId })
    .get()
}

export function addMechanism(parliamentId: number, nameEn = 'Counter-terrorism committee') {
  return getDb()
    .insert(mechanism)
    .values({ parliamentId, kind: 'committee', nameEn, nameAr: 'لجنة مكافحة الإرهاب' })
    .returning({ id: mechanism.id })
    .get().id
}

type QuestionSpec = {
  key: string
  kind: QuestionKind
  options?: string[]
  extra?: Partial<typeof surveyQuestion.$inferInsert>
  /** Shown only when the question of this key is answered with this value (an option's label, or yes/no). */
  showIf?: { key: string; value: string }
}

/** One question of every kind, Q6 (a long text) shown only when Q3 is yes; the number between 0 and 1000. */
export const everyKind: QuestionSpec[] = [
  { key: 'single', kind: 'single_choice', options: ['Low', 'High'], extra: { isRequired: true } },
  { key: 'multiple', kind: 'multiple_choice', options: ['A', 'B', 'C'] },
  { key: 'yesNo', kind: 'yes_no', extra: { isRequired: true } },
  { key: 'scale', kind: 'scale' },
  { key: 'number', kind: 'number', extra: { numberMin: 0, numberMax: 1000, isRequired: true } },
  { key: 'details', kind: 'long_text', showIf: { key: 'yesNo', value: 'yes' }, extra: { isRequired: true } },
  { key: 'date', kind: 'date' },
  { key: 'short', kind: 'short_text' },
  { key: 'matrix', kind: 'matrix', options: ['Laws', 'Oversight'], extra: { isRequired: true } },
  { key: 'file', kind: 'file' },
  { key: 'mechanism', kind: 'mechanism' },
]

/** A questionnaire sent to `parliamentIds` (responses 'invited'); its questions by key, their options by label. */
export function addSentSurvey(
  parliamentIds: number[],
  options: {
    deadline?: Date | null
    status?: 'draft' | 'open' | 'closed'
    reminderDays?: number
    specs?: QuestionSpec[]
  } = {},
) {
  const db = getDb()
  const id = db
    .insert(survey)
    .values({
      titleEn: 'Parliamentary responses to terrorism, 2026',
      titleAr: 'استجابات البرلمانات للإرهاب، 2026',
      status: options.status ?? 'open',
      deadline: options.deadline === undefined ? new Date(Date.now() + 30 * 86_400_000) : options.deadline,
      reminderDays: options.reminderDays ?? 7,
      sentAt: new Date(),
    })
    .returning({ id: survey.id })
    .get().id
  const sectionId = db
    .insert(surveySection)
    .values({ surveyId: id, position: 0, titleEn: 'Threats', titleAr: 'التهديدات' })
    .returning({ id: surveySection.id })
    .get().id
  const ids: Record<string, number> = {}
  const optionIds: Record<string, Record<string, number>> = {}
  ;(options.specs ?? everyKind).forEach((spec, position) => {
    let conditionValue: string | null = null
    if (spec.showIf) {
      conditionValue = optionIds[spec.showIf.key]?.[spec.showIf.value]?.toString() ?? spec.showIf.value
    }
    const qid = db
      .insert(surveyQuestion)
      .values({
        surveyId: id,
        sectionId,
        position,
        kind: spec.kind,
        textEn: `Question ${spec.key}`,
        textAr: `السؤال ${spec.key}`,
        conditionQuestionId: spec.showIf ? ids[spec.showIf.key]! : null,
        conditionValue,
        ...spec.extra,
      })
      .returning({ id: surveyQuestion.id })
      .get().id
    ids[spec.key] = qid
    optionIds[spec.key] = {}
    ;(spec.options ?? []).forEach((label, i) => {
      optionIds[spec.key]![label] = db
        .insert(surveyOption)
        .values({ questionId: qid, position: i, labelEn: label, labelAr: label })
        .returning({ id: surveyOption.id })
        .get().id
    })
  })
  for (const parliamentId of parliamentIds) db.insert(surveyResponse).values({ surveyId: id, parliamentId }).run()
  return { id, q: ids, o: optionIds, load: () => loadQuestionnaire(id)! }
}

export const tables = {
  response: surveyResponse,
  answer: surveyAnswer,
  choice: surveyAnswerChoice,
  file: surveyFile,
  proposal: mechanismProposal,
  mechanism,
  pillar: mechanismPillar,
  audit: auditEvent,
  mail: outbox,
}

/** How many rows each table holds, and the responses' revisions and statuses: a refusal leaves them as they were. */
export function snapshot() {
  const db = getDb()
  const counts = Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  )
  const responses = db
    .select({ id: surveyResponse.id, revision: surveyResponse.revision, status: surveyResponse.status })
    .from(surveyResponse)
    .all()
  return { counts, responses }
}

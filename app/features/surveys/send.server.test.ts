// Sending a questionnaire: all, by region, by kind, by hand; a deadline in the future, reminder days 0–60; one
// response row per parliament and one invitation per active member, in their language; a refusal writes nothing.
import { desc, eq, gt } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox, surveyResponse } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { namespaces } from '~/utils/i18n'
import { getSurvey } from './questionnaire.server'
import { listSendChoices, sendSurvey } from './send.server'
import { addQuestion, createSurvey, setQuestionClosed } from './survey.server'
import { addParliament, addUser, snapshot } from './surveys.test-helpers'
import { loadQuestionnaire } from './questionnaire.server'

const NOW = new Date('2030-03-01T10:00:00Z')
const DEADLINE = '2030-04-30'

let coordinator: { id: number }
let p: Record<'jordan' | 'iraq' | 'kenya' | 'arabParliament' | 'outside', number>
let people: Record<'jordanEn' | 'jordanAr' | 'iraqMember' | 'inactive' | 'kenyaMember', { id: number; email: string }>
beforeAll(() => {
  coordinator = addUser(null, 'coordinator')
  p = {
    jordan: addParliament('House of Representatives of Jordan', 'مجلس النواب الأردني'),
    iraq: addParliament('Council of Representatives of Iraq', 'مجلس النواب العراقي'),
    kenya: addParliament('National Assembly of Kenya', 'الجمعية الوطنية الكينية', { region: 'africa' }),
    arabParliament: addParliament('Arab Parliament', 'البرلمان العربي', { kind: 'assembly' }),
    outside: addParliament('Listed for context', 'مدرج للسياق', { joined: false }),
  }
  people = {
    jordanEn: addUser(p.jordan, 'member', 'en'),
    jordanAr: addUser(p.jordan, 'member', 'ar'),
    iraqMember: addUser(p.iraq, 'member', 'ar'),
    inactive: addUser(p.iraq, 'member', 'en', false),
    kenyaMember: addUser(p.kenya, 'member', 'en'),
  }
  // A coordinator with a parliament is not invited to answer.
  addUser(p.jordan, 'coordinator')
})

function readySurvey() {
  const made = createSurvey(
    { titleEn: 'Parliamentary responses to terrorism, 2026', titleAr: 'الاستجابات البرلمانية للإرهاب، 2026' },
    coordinator,
  )
  if (!made.ok) throw new Error(made.error)
  const s = getSurvey(made.value.id)!
  const sectionId = loadQuestionnaire(s.id)!.sections[0]!.id
  const q = addQuestion(s, { sectionId, kind: 'yes_no', textEn: 'Is there a committee?' }, coordinator)
  if (!q.ok) throw new Error(q.error)
  return { s, questionId: q.value.id }
}

const lastMailId = () => getDb().select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).get()?.id ?? 0
const mailsSince = (id: number) => getDb().select().from(outbox).where(gt(outbox.id, id)).all()
const responsesOf = (surveyId: number) =>
  getDb()
    .select({ parliamentId: surveyResponse.parliamentId, status: surveyResponse.status })
    .from(surveyResponse)
    .where(eq(surveyResponse.surveyId, surveyId))
    .all()
    .sort((a, b) => a.parliamentId - b.parliamentId)
const textsLoaded = (namespaces as readonly string[]).includes('surveys')

describe('sendSurvey', () => {
  it('sends by hand: opens the questionnaire, one invited response per parliament, mails each active member', () => {
    const { s } = readySurvey()
    const mark = lastMailId()
    const sent = sendSurvey(
      s,
      { mode: 'hand', parliamentIds: [String(p.jordan), String(p.iraq)], deadline: DEADLINE, reminderDays: '5' },
      coordinator,
      NOW,
    )
    expect(sent).toEqual({ ok: true, value: { parliaments: 2, mails: 3 } })
    expect(getSurvey(s.id)).toMatchObject({
      status: 'open',
      reminderDays: 5,
      deadline: new Date('2030-04-30T23:59:59Z'),
      sentAt: NOW,
    })
    expect(responsesOf(s.id)).toEqual(
      [
        { parliamentId: p.jordan, status: 'invited' },
        { parliamentId: p.iraq, status: 'invited' },
      ].sort((a, b) => a.parliamentId - b.parliamentId),
    )
    const mails = mailsSince(mark)
    expect(mails.map((m) => [m.toAddress, m.locale]).sort()).toEqual(
      [
        [people.jordanEn.email, 'en'],
        [people.jordanAr.email, 'ar'],
        [people.iraqMember.email, 'ar'],
      ].sort(),
    )
    if (textsLoaded) {
      const ar = mails.find((m) => m.toAddress === people.jordanAr.email)!
      expect(ar.subject).toContain('الاستجابات البرلمانية للإرهاب، 2026')
      expect(ar.textBody).toContain('مجلس النواب الأردني')
      expect(ar.textBody).toContain(`/ar/surveys/${s.id}/respond`)
      const en = mails.find((m) => m.toAddress === people.jordanEn.email)!
      expect(en.textBody).toContain(`/en/surveys/${s.id}/respond`)
      expect(en.subject).toContain('Parliamentary responses to terrorism, 2026')
    }
    const audit = getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
    expect(audit).toMatchObject({ action: 'survey.send', targetType: 'survey', targetId: String(s.id) })
    expect(JSON.parse(audit.details!)).toMatchObject({ mode: 'hand', parliaments: 2, mails: 3, reminderDays: 5 })
  })

  it('sends again to more parliaments without mailing those already invited twice', () => {
    const { s } = readySurvey()
    sendSurvey(s, { mode: 'hand', parliamentIds: [p.jordan], deadline: DEADLINE }, coordinator, NOW)
    const mark = lastMailId()
    const again = sendSurvey(getSurvey(s.id)!, { mode: 'all', deadline: '2030-05-15' }, coordinator, NOW)
    expect(again).toEqual({ ok: true, value: { parliaments: 3, mails: 2 } })
    expect(
      mailsSince(mark)
        .map((m) => m.toAddress)
        .sort(),
    ).toEqual([people.iraqMember.email, people.kenyaMember.email].sort())
    // "All" is the parliaments of the network: one listed only for context is left out.
    expect(responsesOf(s.id).map((r) => r.parliamentId)).not.toContain(p.outside)
    expect(responsesOf(s.id)).toHaveLength(4)
    expect(getSurvey(s.id)).toMatchObject({ deadline: new Date('2030-05-15T23:59:59Z'), sentAt: NOW, reminderDays: 7 })
  })

  it('sends by region and by kind', () => {
    const one = readySurvey()
    expect(sendSurvey(one.s, { mode: 'region', regions: ['africa'], deadline: DEADLINE }, coordinator, NOW)).toEqual({
      ok: true,
      value: { parliaments: 1, mails: 1 },
    })
    expect(responsesOf(one.s.id).map((r) => r.parliamentId)).toEqual([p.kenya])
    const two = readySurvey()
    expect(sendSurvey(two.s, { mode: 'kind', kinds: ['assembly'], deadline: DEADLINE }, coordinator, NOW)).toEqual({
      ok: true,
      value: { parliaments: 1, mails: 0 },
    })
    expect(responsesOf(two.s.id).map((r) => r.parliamentId)).toEqual([p.arabParliament])
  })

  it('lists the parliaments to choose from, marking those already invited', () => {
    const { s } = readySurvey()
    sendSurvey(s, { mode: 'hand', parliamentIds: [p.iraq], deadline: DEADLINE }, coordinator, NOW)
    const choices = listSendChoices(s.id)
    expect(choices.find((c) => c.id === p.iraq)).toMatchObject({ invited: true, region: 'middle_east_north_africa' })
    expect(choices.find((c) => c.id === p.kenya)).toMatchObject({ invited: false, region: 'africa' })
    expect(choices.some((c) => c.id === p.outside)).toBe(false)
  })

  it('refuses bad sendings, writing nothing', () => {
    const { s, questionId } = readySurvey()
    const before = snapshot()
    const refuse = (input: Record<string, unknown>, error: string, survey = s) =>
      expect(sendSurvey(survey, input, coordinator, NOW)).toEqual({ ok: false, error })
    refuse({ mode: 'all' }, 'deadlineRequired')
    refuse({ mode: 'all', deadline: '2030-02-30' }, 'dateInvalid')
    refuse({ mode: 'all', deadline: '2030-02-28' }, 'deadlineInPast')
    refuse({ mode: 'all', deadline: DEADLINE, reminderDays: '61' }, 'reminderDaysInvalid')
    refuse({ mode: 'all', deadline: DEADLINE, reminderDays: '-1' }, 'reminderDaysInvalid')
    refuse({ mode: 'everyone', deadline: DEADLINE }, 'invalidChoice')
    refuse({ mode: 'region', deadline: DEADLINE }, 'regionRequired')
    refuse({ mode: 'region', regions: ['atlantis'], deadline: DEADLINE }, 'invalidChoice')
    refuse({ mode: 'region', regions: ['pacific'], deadline: DEADLINE }, 'noParliaments')
    refuse({ mode: 'kind', deadline: DEADLINE }, 'kindRequired')
    refuse({ mode: 'hand', deadline: DEADLINE }, 'parliamentRequired')
    refuse({ mode: 'hand', parliamentIds: [p.jordan, 999_999], deadline: DEADLINE }, 'parliamentUnknown')
    refuse({ mode: 'all', deadline: DEADLINE }, 'surveyClosed', { ...s, status: 'closed' })
    setQuestionClosed(s, questionId, true, coordinator)
    const closedQuestion = snapshot()
    refuse({ mode: 'all', deadline: DEADLINE }, 'noQuestions')
    expect(snapshot()).toEqual(closedQuestion)
    expect(before.responses).toEqual(closedQuestion.responses)
    expect(before.outbox).toBe(closedQuestion.outbox)
  })

  it('accepts 0 and 60 reminder days', () => {
    const { s } = readySurvey()
    expect(
      sendSurvey(s, { mode: 'hand', parliamentIds: [p.kenya], deadline: DEADLINE, reminderDays: '0' }, coordinator, NOW)
        .ok,
    ).toBe(true)
    expect(getSurvey(s.id)!.reminderDays).toBe(0)
    expect(
      sendSurvey(
        getSurvey(s.id)!,
        { mode: 'hand', parliamentIds: [p.kenya], deadline: DEADLINE, reminderDays: 60 },
        coordinator,
        NOW,
      ).ok,
    ).toBe(true)
    expect(getSurvey(s.id)!.reminderDays).toBe(60)
  })
})

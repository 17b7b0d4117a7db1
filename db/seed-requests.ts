// A demo request for technical assistance, so that the demo member's "Support requests" and the coordinators'
// dashboard show one request part-way through its path: the Shura Council asks for a review of a draft law,
// a coordinator has taken it under review and asked a question. Illustrative, like every demo row.
import { and, eq } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import {
  assistanceRequest,
  assistanceRequestEvent,
  assistanceRequestMessage,
  assistanceRequestTopic,
  programme,
  user,
} from './schema/index'

const subject = 'Review of the draft law on combating the financing of terrorism'

export function seedDemoRequests(db: Db) {
  const member = db
    .select({ id: user.id, parliamentId: user.parliamentId })
    .from(user)
    .where(eq(user.email, 'member@demo.parlnet.example'))
    .get()
  const coordinator = db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, 'coordinator@demo.parlnet.example'))
    .get()
  if (!member?.parliamentId || !coordinator) return
  if (
    db.select({ id: assistanceRequest.id }).from(assistanceRequest).where(eq(assistanceRequest.subject, subject)).get()
  )
    return
  const drafting = db
    .select({ id: programme.id })
    .from(programme)
    .where(and(eq(programme.kind, 'legislative_drafting'), eq(programme.isActive, true)))
    .get()
  const day = 24 * 60 * 60 * 1000
  const submittedAt = new Date(Date.now() - 9 * day)
  const reviewedAt = new Date(Date.now() - 6 * day)
  db.transaction((tx) => {
    const { id } = tx
      .insert(assistanceRequest)
      .values({
        parliamentId: member.parliamentId!,
        requesterId: member.id,
        programmeId: drafting?.id ?? null,
        kind: 'legislative_drafting',
        subject,
        need: 'Our committee on legislative affairs is examining a draft law on combating the financing of terrorism. We ask for a written review of the draft against Security Council resolutions 1373 and 2462 and the FATF standards, with proposals of amendments, before the committee reports to the plenary.',
        desiredFrom: new Date(Date.now() + 30 * day).toISOString().slice(0, 10),
        desiredTo: new Date(Date.now() + 75 * day).toISOString().slice(0, 10),
        languages: 'ar,en',
        state: 'under_review',
        assigneeId: coordinator.id,
        submittedAt,
        stateChangedAt: reviewedAt,
      })
      .returning({ id: assistanceRequest.id })
      .get()
    tx.insert(assistanceRequestTopic)
      .values([
        { requestId: id, kind: 'pillar', value: '2' },
        { requestId: id, kind: 'resolution', value: '1373' },
        { requestId: id, kind: 'resolution', value: '2462' },
        { requestId: id, kind: 'theme', value: 'terrorism_financing' },
      ])
      .run()
    tx.insert(assistanceRequestEvent)
      .values([
        { requestId: id, actorId: member.id, fromState: null, toState: 'submitted', createdAt: submittedAt },
        {
          requestId: id,
          actorId: coordinator.id,
          fromState: 'submitted',
          toState: 'under_review',
          createdAt: reviewedAt,
        },
      ])
      .run()
    tx.insert(assistanceRequestMessage)
      .values({
        requestId: id,
        authorId: coordinator.id,
        body: 'Thank you for your request. Could you attach the draft as the committee received it, and tell us whether an Arabic and an English version of our comments are both needed?',
        createdAt: reviewedAt,
      })
      .run()
  })
}

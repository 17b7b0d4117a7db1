// A request's thread (messages, internal notes) and its outputs (published resources and meetings).
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { assistanceRequestOutput } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { RequestInput } from './schemas'
import {
  listRequestMessages,
  listRequestNotes,
  listRequestOutputs,
  linkRequestOutput,
  postRequestMessage,
  postRequestNote,
  unlinkRequestOutput,
} from './thread.server'
import { moveRequest } from './request.server'
import { addMeeting, addPeople, addRequest, addResource, counts, type Person } from './request.test-helpers'

let qatar: number
let member: Person
let coordinator: Person

beforeAll(() => {
  ;({ qatar, member, coordinator } = addPeople())
})

const newRequest = (
  overrides: Partial<RequestInput> = {},
  by: { id: number; parliamentId: number } = { id: member.id, parliamentId: qatar },
) => addRequest(by, overrides)

describe('the thread', () => {
  it('takes messages on an open request, oldest first, with their authors', () => {
    const id = newRequest()
    expect(postRequestMessage(id, member.id, 'When could you start?')).toEqual({ ok: true })
    expect(postRequestMessage(id, coordinator.id, 'In April.')).toEqual({ ok: true })
    expect(listRequestMessages(id)).toEqual([
      expect.objectContaining({ body: 'When could you start?', authorId: member.id, authorRole: 'member' }),
      expect.objectContaining({ body: 'In April.', authorId: coordinator.id, authorRole: 'coordinator' }),
    ])
  })

  it('refuses a message on a closed request (declined or completed) and writes no row', () => {
    const declined = newRequest()
    moveRequest(declined, 'declined', coordinator.id, 'Outside the mandate')
    const completed = newRequest()
    for (const to of ['under_review', 'accepted', 'completed'] as const)
      moveRequest(completed, to, coordinator.id, null)
    const before = counts()
    expect(postRequestMessage(declined, member.id, 'But why?')).toEqual({ ok: false, error: 'requestClosed' })
    expect(postRequestMessage(completed, coordinator.id, 'One more thing')).toEqual({
      ok: false,
      error: 'requestClosed',
    })
    expect(postRequestMessage(999_999, member.id, 'Anyone?')).toEqual({ ok: false, error: 'requestClosed' })
    expect(counts()).toEqual(before)
    expect(listRequestMessages(declined)).toEqual([])
  })

  it('keeps internal notes in their own table: listRequestMessages never returns one', () => {
    const id = newRequest()
    postRequestMessage(id, member.id, 'A public question')
    const before = counts()
    postRequestNote(id, coordinator.id, 'Internal: check the budget line first')
    const after = counts()
    expect(after.note - before.note).toBe(1)
    expect(after.message).toBe(before.message)
    expect(listRequestMessages(id).map((m) => m.body)).toEqual(['A public question'])
    expect(JSON.stringify(listRequestMessages(id))).not.toContain('Internal')
    expect(listRequestNotes(id)).toEqual([expect.objectContaining({ body: 'Internal: check the budget line first' })])
    // Notes may be written on a closed request (the office keeps working notes).
    moveRequest(id, 'declined', coordinator.id, 'Outside the mandate')
    postRequestNote(id, coordinator.id, 'Declined after talking to the secretary-general')
    expect(listRequestNotes(id)).toHaveLength(2)
    expect(listRequestMessages(id)).toHaveLength(1)
  })
})

describe('outputs', () => {
  let draftResource: number
  let submittedResource: number
  let publishedResource: number
  let draftMeeting: number
  let publishedMeeting: number
  let completedMeeting: number

  beforeAll(() => {
    draftResource = addResource('draft', 'Draft guide')
    submittedResource = addResource('submitted', 'Guide under review')
    publishedResource = addResource('published', 'Published guide')
    draftMeeting = addMeeting('draft', 'Draft workshop')
    publishedMeeting = addMeeting('published', 'Workshop on drafting')
    completedMeeting = addMeeting('completed', 'Past workshop')
  })

  it('refuses a resource or a meeting the requester could not open, and writes nothing', () => {
    const id = newRequest()
    const before = counts()
    expect(linkRequestOutput(id, { kind: 'resource', id: draftResource })).toEqual({
      ok: false,
      error: 'outputUnknown',
    })
    expect(linkRequestOutput(id, { kind: 'resource', id: submittedResource })).toEqual({
      ok: false,
      error: 'outputUnknown',
    })
    expect(linkRequestOutput(id, { kind: 'resource', id: 999_999 })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(linkRequestOutput(id, { kind: 'meeting', id: draftMeeting })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(linkRequestOutput(id, { kind: 'meeting', id: 999_999 })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(counts()).toEqual(before)
  })

  it('links published ones, once each however often', () => {
    const id = newRequest()
    expect(linkRequestOutput(id, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: publishedMeeting })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: publishedMeeting })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: completedMeeting })).toEqual({ ok: true })
    const outputs = listRequestOutputs(id)
    expect(outputs.map((o) => [o.kind, o.targetId, o.title.en])).toEqual([
      ['resource', publishedResource, 'Published guide'],
      ['meeting', publishedMeeting, 'Workshop on drafting'],
      ['meeting', completedMeeting, 'Past workshop'],
    ])
    expect(
      getDb().select().from(assistanceRequestOutput).where(eq(assistanceRequestOutput.requestId, id)).all(),
    ).toHaveLength(3)
    // The same item may be the output of another request too.
    const other = newRequest()
    expect(linkRequestOutput(other, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(listRequestOutputs(other)).toHaveLength(1)
  })

  it('unlinks an output only within its own request', () => {
    const id = newRequest()
    const other = newRequest()
    linkRequestOutput(id, { kind: 'resource', id: publishedResource })
    const [output] = listRequestOutputs(id)
    expect(unlinkRequestOutput(other, output!.id)).toEqual({ ok: false, error: 'outputUnknown' })
    expect(listRequestOutputs(id)).toHaveLength(1)
    expect(unlinkRequestOutput(id, output!.id)).toEqual({ ok: true })
    expect(listRequestOutputs(id)).toEqual([])
    expect(unlinkRequestOutput(id, output!.id)).toEqual({ ok: false, error: 'outputUnknown' })
  })
})

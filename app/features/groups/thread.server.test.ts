// Threads, posts, proposals and moderation (issue 17) against a real database: mentions of members notify them,
// replies notify followers, a refusal writes nothing.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { follow, groupPost, groupProposal, notification } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { hidePost, listOpenFlags, restorePost } from './moderation.server'
import { addPost, editPost, flagPost } from './post.server'
import { recordOutcome, setPosition } from './proposal.server'
import { createThread, getThread, loadThreadPage } from './thread.server'
import { addGroup, addMember, addPerson, snapshot } from './threads.test-helpers'

let g: ReturnType<typeof addGroup>
let author: ReturnType<typeof addPerson>
let colleague: ReturnType<typeof addPerson>
let outsider: ReturnType<typeof addPerson>
let facilitator: ReturnType<typeof addPerson>
let coordinator: ReturnType<typeof addPerson>
beforeAll(() => {
  g = addGroup()
  author = addPerson('Amadou Keita')
  colleague = addPerson('Mariam Traoré')
  outsider = addPerson('Outside Person')
  facilitator = addPerson('Awa Facilitator')
  coordinator = addPerson('Coord Inator', 'coordinator')
  addMember(g.id, author.id)
  addMember(g.id, colleague.id)
  addMember(g.id, facilitator.id, 'facilitator')
  addMember(g.id, outsider.id, 'member', 'pending')
})

const kindsFor = (userId: number) =>
  getDb()
    .select({ kind: notification.kind })
    .from(notification)
    .where(eq(notification.userId, userId))
    .all()
    .map((n) => n.kind)

const future = () => new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10)

describe('threads and posts', () => {
  it('starts a thread: the mentioned member is told, the author follows it', () => {
    const r = createThread(g, author, {
      title: 'Budget hearing',
      body: 'Hello @Mariam Traoré, see https://example.org',
      proposal: '',
      closesOn: '',
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(kindsFor(colleague.id)).toEqual(['mention'])
    expect(r.value.notificationIds).toHaveLength(1)
    const f = getDb().select().from(follow).where(eq(follow.userId, author.id)).all()
    expect(f).toMatchObject([{ targetType: 'thread', targetId: r.value.threadId, level: 'follow' }])
    // A reply tells the followers (the author), not the one replying.
    const thread = getThread(r.value.threadId)!
    const reply = addPost(g, thread, colleague, 'Thank you', r.value.postId)
    expect(reply.ok).toBe(true)
    expect(kindsFor(author.id)).toEqual(['reply'])
  })

  it('refuses a mention of an unknown name or of a non-member, and a past closing day, writing nothing', () => {
    const before = snapshot()
    const base = { title: 'T', proposal: '', closesOn: '' }
    expect(createThread(g, author, { ...base, body: '@Nobody here' })).toEqual({ ok: false, error: 'mentionUnknown' })
    expect(createThread(g, author, { ...base, body: 'Ask @Outside Person' })).toEqual({
      ok: false,
      error: 'mentionUnknown',
    })
    expect(createThread(g, author, { ...base, body: 'x', proposal: 'Adopt', closesOn: '2020-01-01' })).toEqual({
      ok: false,
      error: 'closesInPast',
    })
    const { group_thread: _t, ...rest } = snapshot()
    const { group_thread: _b, ...was } = before
    expect(rest).toEqual(was)
  })

  it('lets only the author edit, within 15 minutes, and marks the edit', () => {
    const r = createThread(g, author, { title: 'Edits', body: 'first', proposal: '', closesOn: '' })
    if (!r.ok) throw new Error(r.error)
    expect(editPost(g.id, r.value.threadId, r.value.postId, colleague, 'mine now')).toEqual({
      ok: false,
      error: 'notAuthor',
    })
    const late = new Date(Date.now() + 16 * 60_000)
    expect(editPost(g.id, r.value.threadId, r.value.postId, author, 'late', late)).toEqual({
      ok: false,
      error: 'editWindowPassed',
    })
    expect(editPost(g.id, r.value.threadId, r.value.postId, author, 'second').ok).toBe(true)
    const post = getDb().select().from(groupPost).where(eq(groupPost.id, r.value.postId)).get()!
    expect(post.body).toBe('second')
    expect(post.editedAt).not.toBeNull()
  })

  it('flags a post once; a coordinator hides it, the author reads why, then restores it', () => {
    const r = createThread(g, author, { title: 'Flags', body: 'rude words', proposal: '', closesOn: '' })
    if (!r.ok) throw new Error(r.error)
    expect(flagPost(r.value.threadId, r.value.postId, colleague, 'offensive').ok).toBe(true)
    expect(flagPost(r.value.threadId, r.value.postId, colleague, 'again')).toEqual({
      ok: false,
      error: 'alreadyFlagged',
    })
    expect(listOpenFlags().map((f) => f.postId)).toContain(r.value.postId)
    const hidden = hidePost(r.value.postId, coordinator, 'Personal attack')
    expect(hidden.ok).toBe(true)
    expect(listOpenFlags().map((f) => f.postId)).not.toContain(r.value.postId)
    expect(kindsFor(author.id)).toContain('post_hidden')
    const thread = getThread(r.value.threadId)!
    expect(loadThreadPage(thread, colleague.id).posts[0]).toMatchObject({ body: '', hiddenReason: null })
    expect(loadThreadPage(thread, author.id).posts[0]).toMatchObject({
      body: 'rude words',
      hiddenReason: 'Personal attack',
    })
    expect(restorePost(r.value.postId, coordinator).ok).toBe(true)
    expect(loadThreadPage(thread, colleague.id).posts[0]!.body).toBe('rude words')
  })
})

describe('proposals', () => {
  it('collects positions until the close, then the outcome is recorded once and announced', () => {
    const r = createThread(g, author, {
      title: 'Decide',
      body: 'Shall we?',
      proposal: 'Adopt the plan',
      closesOn: future(),
    })
    if (!r.ok) throw new Error(r.error)
    expect(kindsFor(facilitator.id)).toContain('decision_opened')
    const proposal = () =>
      getDb().select().from(groupProposal).where(eq(groupProposal.threadId, r.value.threadId)).get()!
    expect(setPosition(proposal(), colleague, 'agree', 'Good').ok).toBe(true)
    expect(setPosition(proposal(), colleague, 'block', 'Changed my mind').ok).toBe(true)
    const thread = getThread(r.value.threadId)!
    expect(loadThreadPage(thread, author.id).positions).toMatchObject([
      { userId: colleague.id, position: 'block', reason: 'Changed my mind' },
    ])
    expect(recordOutcome(proposal(), thread, facilitator, 'Adopted')).toEqual({ ok: false, error: 'proposalNotClosed' })
    const after = new Date(proposal().closesAt.getTime() + 1000)
    expect(setPosition(proposal(), colleague, 'agree', '', after)).toEqual({ ok: false, error: 'proposalClosed' })
    expect(recordOutcome(proposal(), thread, facilitator, 'Adopted with changes', after).ok).toBe(true)
    expect(recordOutcome(proposal(), thread, facilitator, 'Again', after)).toEqual({
      ok: false,
      error: 'proposalClosed',
    })
    expect(proposal().outcome).toBe('Adopted with changes')
    expect(kindsFor(colleague.id)).toContain('decision_closed')
  })
})

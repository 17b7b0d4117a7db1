// Follow, mute or clear for a group or a thread (issue 17): the form of components/follow-button.tsx posts here
// (targetType, targetId, level = follow | mute | none, returnTo). Only what the person may read: else 404, nothing
// written. Without JavaScript it redirects back to the page.
import { type ActionFunctionArgs } from '@remix-run/node'
import { canReadThreads, getGroup, membershipOf } from '~/features/groups/access.server'
import { groupOfTarget, setFollow } from '~/features/notifications/follow.server'
import { followLevels, followTargets, type FollowLevel, type FollowTarget } from '~/features/notifications/vocabulary'
import { requireUser } from '~/utils/auth.server'
import { readId } from '~/utils/ids'
import { atomically } from '~/utils/transaction.server'

const notFound = () => new Response('Not Found', { status: 404 })

export function loader() {
  throw notFound()
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireUser(request)
  const form = await request.formData()
  const targetType = form.get('targetType')
  const targetId = readId(form.get('targetId'))
  const level = form.get('level')
  if (
    !(followTargets as readonly unknown[]).includes(targetType) ||
    targetId === null ||
    !(level === 'none' || (followLevels as readonly unknown[]).includes(level))
  )
    throw new Response('Bad Request', { status: 400 })
  const groupId = groupOfTarget(targetType as FollowTarget, targetId)
  const group = groupId ? getGroup(groupId) : undefined
  if (!group || !canReadThreads(group, me, membershipOf(group.id, me.id))) throw notFound()
  atomically((tx) =>
    setFollow(tx, me.id, targetType as FollowTarget, targetId, level === 'none' ? null : (level as FollowLevel)),
  )
  const back = String(form.get('returnTo') ?? '')
  const safe = /^\/(en|ar)\/[^/\\]/.test(back) && !back.includes('//') ? back : '/'
  return new Response(null, { status: 303, headers: { Location: safe } })
}

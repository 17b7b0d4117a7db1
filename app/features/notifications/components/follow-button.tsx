// Follow / mute controls for a group or a thread (issue 17), for other pages to render with the person's current
// level (read it with followLevelOf from the notifications feature). Plain forms: work without JavaScript.
import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FollowLevel, FollowTarget } from '../vocabulary'

export function FollowButton({
  targetType,
  targetId,
  level,
}: {
  targetType: FollowTarget
  targetId: number
  level: FollowLevel | null
}) {
  const { t } = useTranslation('notifications')
  const location = useLocation()
  const returnTo = `${location.pathname}${location.search}`
  const choice = (next: FollowLevel | 'none', label: string) => (
    <Form method="post" action="/notifications/follow" style={{ display: 'inline' }}>
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="level" value={next} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="button button--quiet">
        {label}
      </button>
    </Form>
  )
  return (
    <div className="follow-controls" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
      {level === 'follow' ? <p className="muted">{t('follow.following')}</p> : null}
      {level === 'mute' ? <p className="muted">{t('follow.muted')}</p> : null}
      {level === 'follow' ? choice('none', t('follow.unfollow')) : choice('follow', t('follow.follow'))}
      {level === 'mute' ? choice('none', t('follow.unmute')) : choice('mute', t('follow.mute'))}
    </div>
  )
}

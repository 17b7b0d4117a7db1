import { useTranslation } from 'react-i18next'
import type { RequestState } from '#db/enums'

const path: RequestState[] = ['submitted', 'under_review', 'accepted', 'in_progress', 'completed']

/**
 * Where a request stands, as the steps of its path (an ordered list: screen readers hear "3 of 5"). A declined
 * request shows its path up to the decline.
 */
export function RequestProgress({ state }: { state: RequestState }) {
  const { t } = useTranslation('requests')
  const steps: RequestState[] =
    state === 'declined'
      ? ['submitted', 'under_review', 'declined']
      : state === 'withdrawn'
        ? ['submitted', 'withdrawn']
        : path
  const current = steps.indexOf(state)
  return (
    <ol
      className={`request-progress${state === 'declined' || state === 'withdrawn' ? ' request-progress--stopped' : ''}`}
      aria-label={t('page.progress')}
    >
      {steps.map((s, i) => (
        <li
          key={s}
          className={i < current ? 'is-done' : i === current ? 'is-current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          {t(`states.${s}`)}
        </li>
      ))}
    </ol>
  )
}

export function RequestStateBadge({ state }: { state: RequestState }) {
  const { t } = useTranslation('requests')
  return <span className={`badge badge--state request-state request-state--${state}`}>{t(`states.${state}`)}</span>
}

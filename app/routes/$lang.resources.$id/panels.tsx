// Where a resource stands in the sharing workflow, and the forms of the moves its author or a coordinator can make.
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/library/errors'
import { useErrorText } from '~/utils/forms'
import type { action, loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** Where the resource stands, and what the author or a coordinator can do next. */
export function StatePanel({
  resource: r,
  transitions,
}: {
  resource: Loaded['resource']
  transitions: Loaded['transitions']
}) {
  const { t } = useTranslation('library')
  return (
    <section className="state-panel" aria-labelledby="state-title">
      <h2 id="state-title">{t('page.stateTitle', { state: t(`states.${r.state}`) })}</h2>
      {r.state === 'draft' ? <p>{t('page.draftNote')}</p> : null}
      {r.state === 'submitted' ? <p>{t('page.submittedNote')}</p> : null}
      {r.state === 'returned' && r.returnReason ? (
        <>
          <p>{t('page.returnedNote')}</p>
          <blockquote dir="auto" className="state-panel__reason">
            {r.returnReason}
          </blockquote>
        </>
      ) : null}
      <TransitionForms resource={r} transitions={transitions} />
    </section>
  )
}

function TransitionForms({
  resource: r,
  transitions,
}: {
  resource: Loaded['resource']
  transitions: Loaded['transitions']
}) {
  const { t } = useTranslation('library')
  const actionData = useActionData<typeof action>()
  const errorText = useErrorText()
  const returnErrors =
    actionData?.result && 'error' in actionData.result
      ? errorText(actionData.result.error?.reason ?? undefined)
      : undefined
  const formError = actionData && 'error' in actionData ? t(errorKey(actionData.error)) : null
  return (
    <>
      <FormError>{formError}</FormError>
      {transitions.includes('submit') || transitions.includes('publish') ? (
        <Form method="post" className="state-panel__actions">
          {transitions.includes('submit') ? (
            <button type="submit" name="intent" value="submit" className="button">
              {t('form.submit')}
            </button>
          ) : null}
          {transitions.includes('publish') ? (
            <button type="submit" name="intent" value="publish" className="button">
              {t('form.publish')}
            </button>
          ) : null}
        </Form>
      ) : null}
      {transitions.includes('return') ? (
        <Form method="post" className="stack state-panel__return">
          <input type="hidden" name="intent" value="return" />
          <div className="field">
            <label htmlFor="return-reason">{t('page.returnLabel')}</label>
            <p className="field__hint" id="return-reason-hint">
              {t('page.returnHint')}
            </p>
            <textarea
              id="return-reason"
              name="reason"
              rows={3}
              maxLength={2000}
              dir="auto"
              aria-invalid={returnErrors?.length ? true : undefined}
              aria-describedby={['return-reason-hint', returnErrors?.length ? 'return-reason-error' : '']
                .filter(Boolean)
                .join(' ')}
            />
            {returnErrors?.length ? (
              <ul className="field__errors" id="return-reason-error">
                {returnErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <p>
            <button type="submit" className="button button--quiet">
              {r.state === 'published' ? t('page.withdraw') : t('page.return')}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  )
}

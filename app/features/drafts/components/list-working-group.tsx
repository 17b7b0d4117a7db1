import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { SelectField } from '~/components/ui/field'
import type { Language } from '~/utils/i18n'
import { personOptions, useDraftErrorText, type PersonOption } from './draft-form'

type Editor = PersonOption & { isActive: boolean }

/**
 * Who is in the draft's working group, a form per editor to take them out, and one to add an active member or
 * coordinator (one person at a time: every change is its own audited step, and the person added is mailed).
 */
export function WorkingGroup({
  lang,
  inCharge,
  editors,
  candidates,
  error,
  closed,
}: {
  lang: Language
  inCharge: string | null
  editors: Editor[]
  candidates: PersonOption[]
  /** A refusal of the last add or remove (a code). */
  error: { intent: 'addEditor' | 'removeEditor'; code: string; userId: string } | null
  closed: boolean
}) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftErrorText()
  const named = new Map(personOptions(editors, lang).map((o) => [o.value, o.label]))
  return (
    <section aria-labelledby="working-group" className="draft-group">
      <h2 id="working-group">{t('group.title')}</h2>
      <p>{t('group.lead')}</p>
      <p>
        <strong>{t('group.inCharge')}:</strong> <span dir="auto">{inCharge ?? t('group.noneInCharge')}</span>
      </p>
      <h3>{t('group.members')}</h3>
      {error?.intent === 'removeEditor' ? <FormError>{errorText([error.code])?.[0]}</FormError> : null}
      {editors.length ? (
        <ul className="draft-group__list">
          {editors.map((e) => (
            <li key={e.id}>
              <span dir="auto">{named.get(String(e.id))}</span>
              {e.isActive ? null : <span className="muted"> ({t('group.inactive')})</span>}
              {closed ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeEditor" />
                  <input type="hidden" name="userId" value={e.id} />
                  <button
                    type="submit"
                    className="button button--small button--quiet"
                    aria-label={t('group.remove', { name: e.name })}
                  >
                    {t('group.removeShort')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('group.empty')}</p>
      )}
      {closed ? null : candidates.length ? (
        <Form method="post" className="draft-group__add">
          <input type="hidden" name="intent" value="addEditor" />
          <SelectField
            id="group-user"
            name="userId"
            label={t('group.add')}
            defaultValue={error?.intent === 'addEditor' ? error.userId : ''}
            errors={error?.intent === 'addEditor' ? errorText([error.code]) : undefined}
            options={[{ value: '', label: t('group.choose') }, ...personOptions(candidates, lang)]}
          />
          <p>
            <button type="submit" className="button button--small">
              {t('group.addButton')}
            </button>
          </p>
        </Form>
      ) : (
        <p>{t('group.nobodyLeft')}</p>
      )}
    </section>
  )
}

import type { ComponentProps } from 'react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MechanismForm } from '../mechanism-form'

type FormProps = ComponentProps<typeof MechanismForm>

/**
 * The page around a mechanism's form, to add or to edit one: the way back to the list, the title, then the form
 * or, for a member whose account has no parliament (`parliament` null), why there is none.
 */
export function MechanismFormPage({
  title,
  lead,
  parliament,
  ...form
}: Omit<FormProps, 'parliament' | 'submitLabel'> & {
  title: string
  lead?: string
  parliament: FormProps['parliament'] | null
}) {
  const { t } = useTranslation('mechanisms')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${form.lang}/mechanisms`}>{t('list.title')}</Link>
      </p>
      <h1>{title}</h1>
      {parliament ? (
        <>
          {lead ? <p className="lead">{lead}</p> : null}
          <MechanismForm {...form} parliament={parliament} submitLabel={t('form.save')} />
        </>
      ) : (
        <div className="notice">
          <h2>{t('form.noParliamentTitle')}</h2>
          <p>{t('form.noParliament')}</p>
        </div>
      )}
    </div>
  )
}

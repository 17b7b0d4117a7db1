import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Language } from '~/utils/i18n'
import { ResourceForm, type ResourceFormAction } from './resource-form'

type PendingFile = { id: string; name: string; size: number }

/**
 * The page of the resource form, to share a resource or edit one: a way back, its title, what it says first,
 * and the form with what the last post kept (its errors, and the file already uploaded).
 */
export function ResourceFormPage({
  back,
  title,
  lead,
  form,
  actionData,
  ...props
}: {
  back: { to: string; label: string }
  title: string
  lead: ReactNode
  form: Omit<Parameters<typeof ResourceForm>[0], 'lastResult' | 'pendingUpload' | 'lang' | 'actions' | 'fileLabel'>
  actionData: { result: SubmissionResult<string[]>; pendingUpload: PendingFile | null } | undefined
  lang: Language
  actions: ResourceFormAction[]
  fileLabel: string
}) {
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {lead}
      <ResourceForm
        {...form}
        {...props}
        lastResult={actionData?.result}
        pendingUpload={actionData?.pendingUpload ?? null}
      />
    </div>
  )
}

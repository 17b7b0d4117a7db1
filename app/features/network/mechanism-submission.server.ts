// What a mechanism's form offers and takes, by who fills it in: the same for adding and for editing one.
import { parseWithZod } from '@conform-to/zod/v4'
import { hasRole } from '~/utils/auth.server'
import type { Language } from '~/utils/i18n'
import type { SessionUser } from '~/utils/session.server'
import type { ParliamentChoice } from './mechanism-form'
import { MechanismCoordinatorFormSchema, MechanismFormSchema } from './mechanism-schemas'
import { getParliamentName, listParliamentOptions } from './parliament.server'

type Author = Pick<SessionUser, 'role'>

/**
 * Coordinators choose the parliament; anyone else's is `own` (their account's, or the mechanism's), shown and
 * never taken from the form. Null when they have none, and so cannot add one.
 */
export function mechanismParliamentChoice(user: Author, lang: Language, own: number | null): ParliamentChoice | null {
  if (hasRole(user, 'coordinator')) return { mode: 'choose', options: listParliamentOptions(lang) }
  const parliament = own ? getParliamentName(own) : undefined
  return parliament ? { mode: 'fixed', parliament } : null
}

/**
 * The posted form: a coordinator's names the parliament; anyone else's goes to `own`, whatever the form says
 * about a parliament. `toSave` is null when the form does not parse (`submission` says why).
 */
export function parseMechanismForm(formData: FormData, user: Author, own: number | null) {
  if (hasRole(user, 'coordinator')) {
    const submission = parseWithZod(formData, { schema: MechanismCoordinatorFormSchema })
    if (submission.status !== 'success') return { submission, toSave: null }
    const { parliamentId, ...input } = submission.value
    return { submission, toSave: { input, parliamentId } }
  }
  // The guards let no one without a parliament this far (requireMechanismAuthor).
  if (own === null) throw new Response('Forbidden', { status: 403 })
  const submission = parseWithZod(formData, { schema: MechanismFormSchema })
  if (submission.status !== 'success') return { submission, toSave: null }
  return { submission, toSave: { input: submission.value, parliamentId: own } }
}

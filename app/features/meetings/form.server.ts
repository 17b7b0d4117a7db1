import { parseWithZod } from '@conform-to/zod/v4'
import countries from 'i18n-iso-countries'
import { MeetingFormSchema } from './schemas'
import { countryOptions } from '~/utils/countries'
import type { Language } from '~/utils/i18n'
import { localTimeError } from '~/utils/zoned-time.server'

const allCountryCodes = Object.keys(countries.getAlpha2Codes()).sort()
const timeZones = [...Intl.supportedValuesOf('timeZone'), 'UTC'].sort()

/** The choices the meeting form offers, in the page's language. */
export function meetingFormChoices(lang: Language) {
  return { countries: countryOptions(allCountryCodes, lang), timeZones }
}

/**
 * Reads and validates a posted meeting form. The schema checks each time's shape; here each is placed in the
 * meeting's zone, and one skipped by clocks going forward is refused with the skipped hour named.
 */
export async function readMeetingForm(request: Request) {
  const submission = parseWithZod(await request.formData(), { schema: MeetingFormSchema })
  if (submission.status !== 'success') return { ok: false as const, reply: submission.reply() }
  const input = submission.value
  const fieldErrors: Record<string, string[]> = {}
  for (const field of ['startsAt', 'endsAt', 'registrationDeadline'] as const) {
    const local = input[field]
    const error = local ? localTimeError(local, input.timeZone) : null
    if (error) fieldErrors[field] = [error]
  }
  if (Object.keys(fieldErrors).length) return { ok: false as const, reply: submission.reply({ fieldErrors }) }
  return { ok: true as const, input, submission }
}

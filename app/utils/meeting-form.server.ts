import { parseWithZod } from '@conform-to/zod/v4'
import countries from 'i18n-iso-countries'
import { MeetingFormSchema } from '~/validation/meeting'
import { countryOptions } from './countries'
import type { Language } from './i18n'

const allCountryCodes = Object.keys(countries.getAlpha2Codes()).sort()
const timeZones = [...Intl.supportedValuesOf('timeZone'), 'UTC'].sort()

/** The choices the meeting form offers, in the page's language. */
export function meetingFormChoices(lang: Language) {
  return { countries: countryOptions(allCountryCodes, lang), timeZones }
}

/** Reads and validates a posted meeting form. */
export async function readMeetingForm(request: Request) {
  const submission = parseWithZod(await request.formData(), { schema: MeetingFormSchema })
  return submission.status === 'success'
    ? { ok: true as const, input: submission.value, submission }
    : { ok: false as const, reply: submission.reply() }
}

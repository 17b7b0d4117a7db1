// The flash messages of the draft's page (their words are common.json's `flash`).
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'

export type DraftFlashKey = Extract<
  FlashKey,
  'draftStageMoved' | 'provisionAdded' | 'provisionMoved' | 'provisionDeleted' | 'provisionSaved'
>

export function redirectWithDraftFlash(url: string, key: DraftFlashKey) {
  return redirectWithFlash(url, key)
}

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * In-process limits: the portal runs as one process on one machine (docs/decisions/001), so memory is
 * enough and survives nothing it needs to. Keys are e-mail addresses, user ids or IP addresses.
 */
const limiters = {
  /** Password checks for one account (a successful sign-in clears them). */
  loginAccount: new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 }),
  /** Password checks from one address (a successful sign-in gives its own back). */
  loginIp: new RateLimiterMemory({ keyPrefix: 'login-ip', points: 30, duration: 15 * 60 }),
  /** Invitations sent by one coordinator or admin. */
  invitation: new RateLimiterMemory({ keyPrefix: 'invitation', points: 30, duration: 60 * 60 }),
  /** Password-reset mails for one address, and requests from one IP. */
  resetEmail: new RateLimiterMemory({ keyPrefix: 'reset-email', points: 3, duration: 60 * 60 }),
  resetIp: new RateLimiterMemory({ keyPrefix: 'reset-ip', points: 10, duration: 60 * 60 }),
  /** Files uploaded by one user (each may be hundreds of megabytes of disk and a PDF to read). */
  upload: new RateLimiterMemory({ keyPrefix: 'upload', points: 100, duration: 60 * 60 }),
}

export type LimiterName = keyof typeof limiters

/** How many attempts a limiter allows in its window (for tests and messages). */
export function limitOf(name: LimiterName) {
  return limiters[name].points
}

/**
 * Counts one attempt and says whether it may go ahead: the seconds to wait when it went over the limit, else 0.
 * Checking and counting are one step (a synchronous increment in memory), so parallel requests cannot all pass a
 * check made before any of them is counted; call it before the work it limits (a password check, a mail).
 */
export async function consume(name: LimiterName, key: string) {
  try {
    await limiters[name].consume(key)
    return 0
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}

/** Gives back one attempt that turned out not to count (a sign-in that succeeded). */
export async function refund(name: LimiterName, key: string) {
  await limiters[name].reward(key, 1)
}

export async function reset(name: LimiterName, key: string) {
  await limiters[name].delete(key)
}

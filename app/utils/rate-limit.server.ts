import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * In-process limits: the portal runs as one process on one machine (docs/decisions/001), so memory is
 * enough and survives nothing it needs to. Keys are e-mail addresses, user ids or IP addresses.
 */
const limiters = {
  /** Failed sign-ins for one account. */
  loginAccount: new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 }),
  /** Failed sign-ins from one address. */
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

/** Seconds to wait before the key may try again, or 0 when it is not limited now. */
export async function getRetryAfter(name: LimiterName, key: string) {
  const res = await limiters[name].get(key)
  if (!res || res.remainingPoints > 0) return 0
  return Math.ceil(res.msBeforeNext / 1000)
}

/** Counts one attempt; returns the seconds to wait when that attempt went over the limit, else 0. */
export async function consume(name: LimiterName, key: string) {
  try {
    await limiters[name].consume(key)
    return 0
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000)
    throw error
  }
}

export async function reset(name: LimiterName, key: string) {
  await limiters[name].delete(key)
}

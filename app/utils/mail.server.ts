import nodemailer, { type Transporter } from 'nodemailer'
import {
  getOutboxStatus,
  insertOutboxMessage,
  listQueuedOutboxMessages,
  markOutboxMessage,
} from '~/utils/outbox.server'
import { getConfig } from './config.server'
import { getDb, type Tx } from './db.server'

export type Mail = {
  to: string
  subject: string
  text: string
  locale: string
  /** Extra headers (RFC 8058 List-Unsubscribe…), kept on the outbox row until delivery. */
  headers?: Record<string, string>
}

let transport: Transporter | null | undefined

function getTransport() {
  if (transport === undefined) {
    const { SMTP_URL } = getConfig()
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null
  }
  return transport
}

/** Whether mail leaves the portal; without SMTP the outbox table is the only place a message goes. */
export function isSmtpConfigured() {
  return getTransport() !== null
}

// The path segments a one-time secret follows in our links; "new" is the invitation form, not a token.
const ONE_TIME_LINK = /(\/(?:reset-password|invitations|meetings\/feed)\/)(?!new(?![\w-]))[A-Za-z0-9_-]+/g
export const REDACTED_TOKEN = '•••'

/**
 * The text with every one-time link's secret (password reset, invitation, calendar feed) replaced by •••, so
 * that nobody who reads it afterwards (an admin, a copy of the database) can use it.
 */
export function redactOneTimeLinks(text: string) {
  return text.replace(ONE_TIME_LINK, `$1${REDACTED_TOKEN}`)
}

function readHeaders(json: string | null): Record<string, string> | undefined {
  if (!json) return undefined
  try {
    return JSON.parse(json) as Record<string, string>
  } catch {
    return undefined
  }
}

let deliveryScheduled = false

/**
 * Puts the mail in the outbox as queued, through `tx`: called inside the transaction of the change that causes
 * it, the row commits or rolls back with that change. Delivery is scheduled for after the current synchronous
 * work (so after the commit); start-up delivers whatever a crash left queued.
 */
export function enqueueMail(tx: Tx, mail: Mail) {
  const { id } = insertOutboxMessage(tx, {
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    locale: mail.locale,
    headers: mail.headers && Object.keys(mail.headers).length ? JSON.stringify(mail.headers) : null,
  })
  scheduleDelivery()
  return id
}

function scheduleDelivery() {
  if (deliveryScheduled) return
  deliveryScheduled = true
  setImmediate(() => {
    deliveryScheduled = false
    void deliverQueuedMail()
  })
}

// Rows older than this were queued while no SMTP was configured (the outbox was the channel): not sent later.
const DELIVERY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000

let running: Promise<{ sent: number; failed: number }> | null = null
let again = false

/**
 * Sends the queued rows through SMTP, one run at a time in this process (a call during a run makes it look
 * again). A delivered row keeps its body with one-time links redacted; errors are recorded on the row, never
 * thrown, and never logged with the SMTP credentials. Without SMTP the rows stay queued, readable in the outbox.
 */
export function deliverQueuedMail(): Promise<{ sent: number; failed: number }> {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    const counts = { sent: 0, failed: 0 }
    try {
      // Never read the rows inside a caller's open transaction: a queued row it rolls back must not go out.
      await new Promise((resolve) => setImmediate(resolve))
      const smtp = getTransport()
      if (!smtp) return counts
      do {
        again = false
        const since = new Date(Date.now() - DELIVERY_WINDOW_MS)
        for (const row of listQueuedOutboxMessages(getDb(), since)) {
          try {
            await smtp.sendMail({
              from: getConfig().MAIL_FROM,
              to: row.toAddress,
              subject: row.subject,
              text: row.textBody,
              headers: readHeaders(row.headers),
            })
            markOutboxMessage(getDb(), row.id, {
              sent: true,
              textBody: redactOneTimeLinks(row.textBody),
            })
            counts.sent++
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            markOutboxMessage(getDb(), row.id, { sent: false, error: message })
            console.error(`mail: delivery of outbox #${row.id} failed: ${message}`)
            counts.failed++
          }
        }
      } while (again)
      return counts
    } catch (error) {
      // The database went away (shutdown, a test closing it): the rows stay queued for the next run.
      console.error(`mail: delivery stopped: ${error instanceof Error ? error.message : String(error)}`)
      return counts
    } finally {
      running = null
    }
  })()
  return running
}

/**
 * Outside a transaction (scripts, tests): queues the mail, commits it, and waits for its delivery. Code that
 * changes data calls enqueueMail inside its transaction instead.
 */
export async function sendMail(mail: Mail) {
  const id = enqueueMail(getDb(), mail)
  await deliverQueuedMail()
  return { id, delivered: getOutboxStatus(getDb(), id) === 'sent' }
}

/** At start-up: sends what a crash or restart left queued, then looks again every 5 minutes (a missed schedule). */
export function startMailDelivery() {
  void deliverQueuedMail()
  setInterval(() => void deliverQueuedMail(), 5 * 60 * 1000).unref()
}

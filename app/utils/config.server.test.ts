import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, getDatabasePath, parseConfig } from './config.server'

/** The ConfigError that parsing this environment throws (fails the test if none is thrown). */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`)
}

describe('parseConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    const config = parseConfig({})
    expect(config.PORT).toBe(3000)
    expect(config.DATA_DIR).toBe('./data')
    expect(config.DEMO).toBe(true)
    expect(config.SMTP_URL).toBeUndefined()
    expect(config.PUBLIC_URL).toBeUndefined()
    expect(config.NODE_ENV).toBe('development')
    expect(config.HOST).toBe('0.0.0.0')
    expect(config.LOG_REQUESTS).toBe(true)
  })

  it('reads valid values', () => {
    const config = parseConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/parlnet',
      DEMO: '0',
      LOG_REQUESTS: 'false',
      SMTP_URL: 'smtps://mailer:secret@mail.example.org:465',
      PUBLIC_URL: 'https://parlnet.example.org',
      NODE_ENV: 'production',
    })
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: '/var/lib/parlnet',
      DEMO: false,
      LOG_REQUESTS: false,
      SMTP_URL: 'smtps://mailer:secret@mail.example.org:465',
      PUBLIC_URL: 'https://parlnet.example.org',
      NODE_ENV: 'production',
    })
    expect(parseConfig({ DEMO: '1' }).DEMO).toBe(true)
    expect(parseConfig({ DEMO: 'true' }).DEMO).toBe(true)
    expect(parseConfig({ DEMO: 'false' }).DEMO).toBe(false)
  })

  it('treats empty strings as unset', () => {
    const config = parseConfig({ PORT: '', DATA_DIR: '', DEMO: '', SMTP_URL: '', PUBLIC_URL: '', NODE_ENV: '' })
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: true, NODE_ENV: 'development' })
    expect(config.SMTP_URL).toBeUndefined()
    expect(config.PUBLIC_URL).toBeUndefined()
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['SMTP_URL', 'http://x'],
    ['DEMO', 'maybe'],
    ['PUBLIC_URL', 'notaurl'],
    ['PUBLIC_URL', 'ftp://files.example.org'],
    ['NODE_ENV', 'staging'],
  ])('%s=%s throws a one-line ConfigError naming the variable', (name, value) => {
    const { message } = configError({ [name]: value })
    expect(message).not.toMatch(/[\r\n]/)
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} \\S`))
  })

  it('says what was wrong with PORT', () => {
    expect(configError({ PORT: 'abc' }).message).toBe('Invalid configuration: PORT must be a port number (got "abc")')
    expect(configError({ PORT: '70000' }).message).toBe(
      'Invalid configuration: PORT must be between 1 and 65535 (got "70000")',
    )
  })

  it('names the first bad variable when several are bad', () => {
    expect(configError({ PORT: 'abc', DEMO: 'maybe' }).message).toMatch(/^Invalid configuration: PORT /)
  })

  it('never shows an SMTP_URL, so its password does not reach the logs', () => {
    const { message } = configError({ SMTP_URL: 'http://mailer:hunter2-s3cret@mail.example.org' })
    expect(message).toContain('SMTP_URL')
    expect(message).not.toContain('hunter2-s3cret')
    expect(message).not.toContain('mailer')
  })

  it('keeps the message on one line when the value itself has a line break', () => {
    const { message } = configError({ DEMO: 'yes\nInjected: second line' })
    expect(message).not.toMatch(/[\r\n]/)
    expect(message).toMatch(/^Invalid configuration: DEMO /)
  })

  it('shortens a long bad value', () => {
    const { message } = configError({ PUBLIC_URL: 'x'.repeat(500) })
    expect(message.length).toBeLessThan(150)
  })
})

describe('getDatabasePath', () => {
  it('is portal.db inside DATA_DIR, as an absolute path', () => {
    expect(getDatabasePath(parseConfig({ DATA_DIR: '/srv/parlnet' }))).toBe(path.resolve('/srv/parlnet/portal.db'))
    expect(path.isAbsolute(getDatabasePath(parseConfig({})))).toBe(true)
  })
})

import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useErrorText } from '~/utils/forms'
import { Field } from '~/components/ui/field'

/** "New password" and "again", with the rules as a hint: shared by invitation, reset and account forms. */
export function NewPasswordFields({
  password,
  confirmPassword,
}: {
  password: FieldMetadata<string>
  confirmPassword: FieldMetadata<string>
}) {
  const { t } = useTranslation('auth')
  const errorText = useErrorText()
  return (
    <>
      <Field
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        errors={errorText(password.errors)}
        inputProps={{ ...getInputProps(password, { type: 'password' }), autoComplete: 'new-password' }}
      />
      <Field
        label={t('fields.confirmPassword')}
        errors={errorText(confirmPassword.errors)}
        inputProps={{ ...getInputProps(confirmPassword, { type: 'password' }), autoComplete: 'new-password' }}
      />
    </>
  )
}

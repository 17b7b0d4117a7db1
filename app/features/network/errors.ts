// Every expected refusal of the network feature, and the one place that says which text shows it (decision 011).
// The texts stay where the forms already find them: a field's code in common:validation (useErrorText), a
// parliament's conflict in network:form, a photo's and an import's in members.

export const errorCodes = [
  'invalidChoice',
  'identifierTaken',
  'parliamentRequired',
  'nameTaken',
  'chamberTaken',
  'tooLarge',
  'notImage',
  'noFile',
  'fileTooLarge',
  'fileMissing',
  'expired',
  'refused',
] as const
export type NetworkError = (typeof errorCodes)[number]

const keys = {
  invalidChoice: 'common:validation.invalidChoice',
  identifierTaken: 'common:validation.identifierTaken',
  parliamentRequired: 'common:validation.parliamentRequired',
  nameTaken: 'network:form.nameTaken',
  chamberTaken: 'network:form.chamberTaken',
  tooLarge: 'members:photo.errors.tooLarge',
  notImage: 'members:photo.errors.notImage',
  noFile: 'members:photo.errors.noFile',
  fileTooLarge: 'members:import.errors.tooLarge',
  fileMissing: 'members:import.errors.noFile',
  expired: 'members:import.errors.expired',
  refused: 'members:import.errors.refused',
} as const satisfies Record<NetworkError, `${string}:${string}`>

export const errorKey = <E extends NetworkError>(code: E): (typeof keys)[E] => keys[code]

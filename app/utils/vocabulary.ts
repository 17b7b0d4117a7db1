// The portal's shared vocabulary (roles, regions, kinds, states…): the lists db/enums.ts declares once for the
// schema, the forms and the pages. Routes and components take them from here, never from db/ (architecture.md).
export * from '#db/enums'

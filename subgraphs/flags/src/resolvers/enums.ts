/** GraphQL enum names to the lower-case values the domain and Redis use. */
export const enums = {
  Role: { VIEWER: 'viewer', RESPONDER: 'responder', MANAGER: 'manager', ADMIN: 'admin' },
  FlagKind: { BOOLEAN: 'boolean', MULTIVAR: 'multivar' },
  FlagAuditAction: { CREATED: 'created', UPDATED: 'updated', TOGGLED: 'toggled' },
} as const;

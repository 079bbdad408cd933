/** GraphQL's enum values in, the platform's role names out (and back). */
export const Role = { VIEWER: 'viewer', RESPONDER: 'responder', MANAGER: 'manager', ADMIN: 'admin' } as const;

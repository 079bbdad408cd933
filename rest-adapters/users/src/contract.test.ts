import { describeReferenceContract } from '@polystatus/rest-kit/testing';
import { USERS_SWAGGER } from './server.ts';

describeReferenceContract({
  domain: 'users',
  swagger: USERS_SWAGGER,
  deliberate: {
    // The reference signs in with an email alone, which would let anyone in as anybody (see
    // ../shared/reference/README.md): a password is required, and an email-only login is refused with 400.
    'POST /api/v1/auth/login': ['request body: new required field password'],
  },
});

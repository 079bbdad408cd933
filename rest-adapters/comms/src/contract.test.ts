import { describeReferenceContract } from '@polystatus/rest-kit/testing';
import { COMMS_SWAGGER } from './server.ts';

describeReferenceContract({
  domain: 'comms',
  swagger: COMMS_SWAGGER,
  deliberate: {
    // An incident nobody has said anything public about yet has no latest update: null, rather than an
    // invented one (the reference's example always shows one).
    'GET /api/v1/public/status': ['response 200[].last_public: type object|null, the reference says object'],
  },
});

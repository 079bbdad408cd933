import { describeReferenceContract } from '@polystatus/rest-kit/testing';
import { FLAGS_SWAGGER } from './server.ts';

describeReferenceContract({
  domain: 'flags',
  swagger: FLAGS_SWAGGER,
  deliberate: {
    'GET /admin/flags': [
      // A rule or fallthrough serving a percentage rollout has `rollout` instead of `variation`; flags without
      // rollouts, all the reference's clients know, always carry `variation`.
      'response 200[].fallthrough.variation: not always sent',
      // `in` and `not_in` conditions are answered with their list of values.
      'response 200[].rules[].if.value: one of its forms is not what the reference promises',
      'response 200[].rules[].variation: not always sent',
    ],
  },
});

import { describeReferenceContract } from '@polystatus/rest-kit/testing';
import { CSP_SWAGGER } from './server.ts';

describeReferenceContract({ domain: 'csp', swagger: CSP_SWAGGER });

import { describeReferenceContract } from '@polystatus/rest-kit/testing';
import { INCIDENTS_SWAGGER } from './server.ts';

describeReferenceContract({ domain: 'incidents', swagger: INCIDENTS_SWAGGER });

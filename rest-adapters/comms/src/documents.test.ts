import { describeAdapterOperations } from '@polystatus/rest-kit/testing';
import * as documents from './documents.ts';

describeAdapterOperations(documents);

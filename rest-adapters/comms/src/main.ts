import { runMain } from '@polystatus/kit';
import { service } from './service-module.ts';

await runMain(service);

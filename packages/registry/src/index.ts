export { serviceEnv } from './service-env.ts';
export { defaultPorts, SERVICES, type ServiceKind, type ServiceSpec, SUBGRAPHS } from './services.ts';
export { portVariable, subgraphUrlVariable } from './variables.ts';

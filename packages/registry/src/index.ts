export { defaultPorts, SERVICES, type ServiceKind, type ServiceSpec, SUBGRAPHS } from './services.ts';
export { portVariable, subgraphUrlVariable } from './variables.ts';

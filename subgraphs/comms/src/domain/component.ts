import { COMPONENT_STATUSES } from '@polystatus/contracts';

export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export { COMPONENT_STATUSES };

export interface ComponentGroup {
  id: string;
  name: string;
  description: string;
  position: number;
  createdAt: number;
}

export interface Component {
  id: string;
  name: string;
  description: string;
  groupId: string | null;
  position: number;
  /** Derived by the store from the component's impacts; never written by a verb. */
  status: ComponentStatus;
  createdAt: number;
  updatedAt: number;
}

/** One entry of a component's status history. */
export interface StatusChange {
  at: number;
  from: ComponentStatus;
  to: ComponentStatus;
  incidentId: string | null;
  maintenanceId: string | null;
}

/** Worse is higher; a real outage outranks a maintenance, which outranks nothing. */
export const statusRank = (s: ComponentStatus): number => COMPONENT_STATUSES.indexOf(s);

export const worstOf = (statuses: Iterable<ComponentStatus>): ComponentStatus => {
  let worst: ComponentStatus = 'operational';
  for (const s of statuses) if (statusRank(s) > statusRank(worst)) worst = s;
  return worst;
};

import DataLoader from 'dataloader';
import type { Announcement } from './domain/announcement.ts';
import type { Component, ComponentGroup } from './domain/component.ts';
import type { Maintenance } from './domain/maintenance.ts';
import type { CommsStore } from './store/comms-store.ts';

export interface CommsLoaders {
  component: DataLoader<string, Component | null>;
  group: DataLoader<string, ComponentGroup | null>;
  maintenance: DataLoader<string, Maintenance | null>;
  announcement: DataLoader<string, Announcement | null>;
  /** An incident's announcements, newest first. */
  announcementsOf: DataLoader<string, Announcement[]>;
}

/**
 * Created per request (a cache shared across requests would serve stale reads). Each loader turns the loads of
 * one tick into one MGET or pipeline: fifty incidents asking for `lastPublic` cost one round trip.
 */
export function createLoaders(store: CommsStore): CommsLoaders {
  return {
    component: new DataLoader((ids) => store.components(ids)),
    group: new DataLoader((ids) => store.groups(ids)),
    maintenance: new DataLoader((ids) => store.maintenances(ids)),
    announcement: new DataLoader((ids) => store.announcements(ids)),
    announcementsOf: new DataLoader((ids) => store.announcementsOf(ids)),
  };
}

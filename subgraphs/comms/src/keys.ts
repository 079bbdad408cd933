import { COMMS_PUBLIC_KEYS } from '@polystatus/contracts';
import { domainEventStream } from '@polystatus/kit';

/**
 * Every Redis key of the comms domain. Nothing else builds key strings.
 *
 * Layout under `<prefix>:comms`:
 *   events                         stream  domain events (kit envelope), capped
 *   announcement:<id>              hash    one announcement (store/announcement-record.ts)
 *   announcements:<incidentId>     zset    the incident's announcement ids, score = published ms
 *   incident:<id>                  hash    what comms knows of an incident (title, sev, status, services, times),
 *                                          learned from incidents' events and the graph (store/incident-mirror.ts)
 *   incidents:open                 set     ids of unresolved incidents (they drive component statuses)
 *   incidents:recent               zset    every mirrored incident, score = last change ms
 *   component-group:<id>           hash    one group
 *   component-groups               zset    group ids by position
 *   component:<id>                 hash    one component, with its derived `status`
 *   components                     zset    component ids by position
 *   component-impacts:<id>         hash    what the component's status derives from: `i:<incidentId>` → the
 *                                          status an unresolved incident gave it, `m:<maintenanceId>` →
 *                                          under_maintenance while that maintenance runs
 *   component-history:<id>         stream  the component's status changes (from, to, cause), oldest first
 *   maintenance:<id>               hash    one maintenance (JSON `updates` inside)
 *   maintenances                   zset    maintenance ids, score = scheduledFor ms
 *   maintenances:due               zset    maintenances not completed, score = their next automatic step ms
 *   maintenances:reminders         zset    scheduled maintenances whose reminder is not sent, score = scheduledFor ms
 *   incidents-consumer             -       consumer group name on `<prefix>:incidents:events`
 *   incidents-consumer:done:<evId> string  idempotency mark of one applied incident event (expires)
 *   scheduler:lease                string  the replica running the maintenance scheduler (SET NX PX)
 *   public:snapshot                string  the last rendered public snapshot (JSON, COMMS_PUBLIC_KEYS)
 *   public:snapshot-seq            string  version of the stored snapshot; a rendering stores only if it is
 *                                          still the one it read (so an older rendering never wins)
 *   banner:manual                  string  the admin's manual banner (JSON, domain/manual-banner.ts), if any
 *   banner:history                 stream  the manual banner's changes (banner.set / banner.cleared envelopes), capped
 *
 * Notifications (src/notify), under `<prefix>:comms:notify`:
 *   sub:<id>                       hash    one email subscription (store/notify-subscriber-store.ts)
 *   sub-by-email                   hash    case-folded address → subscription id
 *   subs:confirmed                 zset    confirmed subscription ids, score = confirmed ms
 *   sub-confirm-sent:<id>          string  set while a confirmation mail was sent recently (throttle, PX)
 *   hook:<id>                      hash    one webhook endpoint, secrets sealed (store/notify-webhook-store.ts)
 *   hooks                          zset    endpoint ids, score = created ms
 *   hook-log:<id>                  stream  the endpoint's delivery attempts, newest last, capped
 *   message:<id>                   string  a webhook message's type and body (JSON), kept for redelivery (PX)
 *   queue                          stream  delivery jobs (mail, webhook, pagerduty), consumer group `notify`
 *   queue:delayed                  zset    jobs waiting for a retry, score = due ms (JSON member)
 *   sent:<eventId>:<recipient>     string  the one job of this recipient for this event exists (dedupe, PX)
 *   triggers                       -       consumer group name on the incidents and comms event streams
 *   trigger-failures               hash    `<stream>|<entry id>` → failed fan-outs of that event (cleared on ack)
 *   dead-letters                   stream  events given up after repeated fan-out failures (capped), for an operator
 *   lane:<key>                     zset    jobs that must go out in order (one incident's PagerDuty events), score =
 *                                          the event's stream position; only the first member may be sent
 *
 * Read only, owned by the incidents domain: `<prefix>:incidents:events`, read through a consumer group.
 */
export interface CommsKeys {
  events: string;
  announcement(id: string): string;
  incidentAnnouncements(incidentId: string): string;
  incident(id: string): string;
  openIncidents: string;
  recentIncidents: string;
  componentGroup(id: string): string;
  componentGroups: string;
  component(id: string): string;
  components: string;
  componentImpacts(id: string): string;
  componentHistory(id: string): string;
  maintenance(id: string): string;
  maintenances: string;
  maintenancesDue: string;
  maintenanceReminders: string;
  /** The incidents domain's event stream; read through the consumer group below, never written. */
  incidentsEvents: string;
  incidentsConsumerGroup: string;
  incidentEventDone(eventId: string): string;
  schedulerLease: string;
  publicSnapshot: string;
  publicSnapshotSeq: string;
  manualBanner: string;
  manualBannerHistory: string;
  /** The prefixes handed to Lua, so scripts append an id instead of spelling a key. */
  keyspace(): Keyspace;
  // notifications (src/notify): keys of the notifications work go below, one line each.
  notifySubscription(id: string): string;
  notifySubscriptionByEmail: string;
  notifyConfirmedSubscriptions: string;
  notifyConfirmSent(id: string): string;
  notifyWebhook(id: string): string;
  notifyWebhooks: string;
  notifyWebhookLog(id: string): string;
  notifyMessage(id: string): string;
  notifyQueue: string;
  notifyQueueDelayed: string;
  notifyQueueGroup: string;
  notifySent(eventId: string, recipient: string): string;
  notifyTriggerGroup: string;
  notifyTriggerFailures: string;
  notifyDeadLetters: string;
  notifyLane(key: string): string;
}

/** Key prefixes for Lua (see store/lua/status.lua); every one is also built by a function above. */
export interface Keyspace {
  events: string;
  component: string;
  components: string;
  impacts: string;
  history: string;
  group: string;
  groups: string;
  incident: string;
  open: string;
  recent: string;
  announcement: string;
  announcements: string;
  maintenance: string;
  maintenances: string;
  due: string;
  snapshot: string;
  snapshotSeq: string;
  manualBanner: string;
}

export function commsKeys(prefix: string): CommsKeys {
  const base = `${prefix}:comms`;
  const published = COMMS_PUBLIC_KEYS(prefix);
  return {
    events: published.events,
    announcement: (id) => `${base}:announcement:${id}`,
    incidentAnnouncements: (incidentId) => `${base}:announcements:${incidentId}`,
    incident: (id) => `${base}:incident:${id}`,
    openIncidents: `${base}:incidents:open`,
    recentIncidents: `${base}:incidents:recent`,
    componentGroup: (id) => `${base}:component-group:${id}`,
    componentGroups: `${base}:component-groups`,
    component: (id) => `${base}:component:${id}`,
    components: `${base}:components`,
    componentImpacts: (id) => `${base}:component-impacts:${id}`,
    componentHistory: (id) => `${base}:component-history:${id}`,
    maintenance: (id) => `${base}:maintenance:${id}`,
    maintenances: `${base}:maintenances`,
    maintenancesDue: `${base}:maintenances:due`,
    maintenanceReminders: `${base}:maintenances:reminders`,
    incidentsEvents: domainEventStream(prefix, 'incidents'),
    incidentsConsumerGroup: 'comms',
    incidentEventDone: (eventId) => `${base}:incidents-consumer:done:${eventId}`,
    schedulerLease: `${base}:scheduler:lease`,
    publicSnapshot: published.snapshot,
    publicSnapshotSeq: `${base}:public:snapshot-seq`,
    manualBanner: `${base}:banner:manual`,
    manualBannerHistory: `${base}:banner:history`,
    keyspace: () => ({
      events: published.events,
      component: `${base}:component:`,
      components: `${base}:components`,
      impacts: `${base}:component-impacts:`,
      history: `${base}:component-history:`,
      group: `${base}:component-group:`,
      groups: `${base}:component-groups`,
      incident: `${base}:incident:`,
      open: `${base}:incidents:open`,
      recent: `${base}:incidents:recent`,
      announcement: `${base}:announcement:`,
      announcements: `${base}:announcements:`,
      maintenance: `${base}:maintenance:`,
      maintenances: `${base}:maintenances`,
      due: `${base}:maintenances:due`,
      snapshot: published.snapshot,
      snapshotSeq: `${base}:public:snapshot-seq`,
      manualBanner: `${base}:banner:manual`,
    }),
    // notifications (src/notify): keys of the notifications work go below, one line each.
    notifySubscription: (id) => `${base}:notify:sub:${id}`,
    notifySubscriptionByEmail: `${base}:notify:sub-by-email`,
    notifyConfirmedSubscriptions: `${base}:notify:subs:confirmed`,
    notifyConfirmSent: (id) => `${base}:notify:sub-confirm-sent:${id}`,
    notifyWebhook: (id) => `${base}:notify:hook:${id}`,
    notifyWebhooks: `${base}:notify:hooks`,
    notifyWebhookLog: (id) => `${base}:notify:hook-log:${id}`,
    notifyMessage: (id) => `${base}:notify:message:${id}`,
    notifyQueue: `${base}:notify:queue`,
    notifyQueueDelayed: `${base}:notify:queue:delayed`,
    notifyQueueGroup: 'notify',
    notifySent: (eventId, recipient) => `${base}:notify:sent:${eventId}:${recipient}`,
    notifyTriggerGroup: 'comms-notify',
    notifyTriggerFailures: `${base}:notify:trigger-failures`,
    notifyDeadLetters: `${base}:notify:dead-letters`,
    notifyLane: (key) => `${base}:notify:lane:${key}`,
  };
}

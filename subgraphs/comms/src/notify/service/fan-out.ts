import { COMMS_EVENTS, type CommsEventData, INCIDENT_EVENTS } from '@polystatus/contracts';
import type { EventEnvelope } from '@polystatus/kit';
import type { NotifyQueueStore } from '../../store/notify-queue-store.ts';
import type { NotifySubscriberStore, Subscription } from '../../store/notify-subscriber-store.ts';
import type { NotifyWebhookStore } from '../../store/notify-webhook-store.ts';
import type { NotifyJob } from '../domain/job.ts';
import { lanePosition } from '../domain/lane.ts';
import {
  announcementMail,
  maintenanceMail,
  maintenanceReminderMail,
  type OutgoingMail,
} from '../domain/mail.ts';
import { actionForStatus, pagerDutyEvent } from '../domain/pagerduty-event.ts';
import { componentUpdatePayload, impactOfSev, incidentPayload } from '../domain/statuspage-payload.ts';
import type { SubscriberLinks } from './links.ts';
import type { NotifyReadModel } from './read-model.ts';

/** Where an event was read: its stream and entry id (`<ms>-<seq>`), which orders the events of one stream. */
export interface StreamPosition {
  stream: string;
  entryId: string;
}

export interface FanOutDeps {
  queue: NotifyQueueStore;
  subscribers: NotifySubscriberStore;
  webhooks: NotifyWebhookStore;
  read: NotifyReadModel;
  links: SubscriberLinks;
  /** Set when PagerDuty forwarding is configured. */
  pagerDuty: boolean;
  /** How long "this recipient has its job for this event" is remembered: longer than any consumer replay. */
  dedupeTtlMs: number;
  clock: () => number;
  newJobId: () => string;
}

/**
 * Turns one domain event into delivery jobs, one per recipient, each queued at most once (`enqueueOnce`, keyed
 * by event id and recipient): the trigger consumer may replay an event after a crash and nobody hears twice.
 */
export function createFanOut(d: FanOutDeps) {
  const once = (eventId: string, recipient: string, job: NotifyJob) =>
    d.queue.enqueueOnce(eventId, recipient, job, d.dedupeTtlMs);

  /** Confirmed subscribers who want news of these components (no choice made: every component). */
  async function mailConfirmed(
    eventId: string,
    componentIds: string[],
    render: (s: Subscription) => OutgoingMail,
  ) {
    let cursor = '0';
    do {
      const batch = await d.subscribers.confirmedBatch(cursor, 200);
      cursor = batch.cursor;
      for (const s of batch.items) {
        const wanted =
          s.componentIds.length === 0 ||
          componentIds.length === 0 ||
          componentIds.some((c) => s.componentIds.includes(c));
        if (!wanted) continue;
        await once(eventId, `sub:${s.id}`, {
          kind: 'mail',
          id: d.newJobId(),
          attempt: 1,
          subscriptionId: s.id,
          purpose: 'update',
          mail: render(s),
        });
      }
    } while (cursor !== '0');
  }

  async function webhookAll(eventId: string, eventType: string, payload: unknown) {
    const endpoints = await d.webhooks.activeIds();
    if (endpoints.length === 0) return;
    // One message per event (same id and body for every endpoint): receivers deduplicate on the id.
    const messageId = `msg_${eventId}`;
    await d.webhooks.saveMessage({ id: messageId, eventType, body: JSON.stringify(payload) });
    for (const endpointId of endpoints) {
      await once(eventId, `hook:${endpointId}`, {
        kind: 'webhook',
        id: d.newJobId(),
        attempt: 1,
        endpointId,
        messageId,
      });
    }
  }

  async function announcement(e: EventEnvelope, data: CommsEventData<'announcement.published'>) {
    const [page, incident, updates] = await Promise.all([
      d.read.page(),
      d.read.incident(data.incidentId),
      d.read.incidentUpdates(data.incidentId),
    ]);
    const title = incident?.title ?? data.incidentId;
    const componentIds = data.impacts.map((i) => i.componentId);
    await mailConfirmed(e.id, componentIds, (s) =>
      announcementMail({
        to: s.email,
        pageName: page.name,
        incidentTitle: title,
        state: data.state,
        message: data.message,
        statusUrl: d.links.status(),
        unsubscribeUrl: d.links.unsubscribe(s.id),
      }),
    );
    // The update this event announces leads, whether or not the read model has caught up with it.
    const thisUpdate = {
      id: data.announcementId,
      status: data.state,
      body: data.message,
      at: Date.parse(e.at),
    };
    const others = updates.filter((u) => u.id !== data.announcementId);
    await webhookAll(
      e.id,
      'incident.update',
      incidentPayload({
        page,
        incident: {
          id: data.incidentId,
          name: title,
          impact: impactOfSev(incident?.sev),
          createdAt: incident?.createdAt ?? thisUpdate.at,
          updates: [thisUpdate, ...others],
          shortlink: d.links.status(),
        },
        unsubscribeUrl: d.links.status(),
        now: d.clock(),
      }),
    );
  }

  async function componentStatus(e: EventEnvelope, data: CommsEventData<'component.status_changed'>) {
    const [page, component] = await Promise.all([d.read.page(), d.read.component(data.componentId)]);
    const at = Date.parse(e.at);
    await webhookAll(
      e.id,
      'component.update',
      componentUpdatePayload({
        page,
        component: component ?? { id: data.componentId, name: data.componentId, createdAt: at },
        update: { id: e.id, oldStatus: data.from, newStatus: data.to, at },
        unsubscribeUrl: d.links.status(),
        now: d.clock(),
      }),
    );
  }

  async function maintenance(
    e: EventEnvelope,
    data: CommsEventData<'maintenance.scheduled'> | CommsEventData<'maintenance.status_changed'>,
  ) {
    const page = await d.read.page();
    await mailConfirmed(e.id, data.componentIds, (s) =>
      maintenanceMail({
        to: s.email,
        pageName: page.name,
        name: data.name,
        status: data.status,
        scheduledFor: data.scheduledFor,
        scheduledUntil: data.scheduledUntil,
        statusUrl: d.links.status(),
        unsubscribeUrl: d.links.unsubscribe(s.id),
      }),
    );
  }

  /** Subscribers of the maintenance's components hear it starts soon, as they heard it was scheduled. */
  async function reminder(e: EventEnvelope, data: CommsEventData<'maintenance.reminder'>) {
    const page = await d.read.page();
    await mailConfirmed(e.id, data.componentIds, (s) =>
      maintenanceReminderMail({
        to: s.email,
        pageName: page.name,
        name: data.name,
        startsInMinutes: data.startsInMinutes,
        scheduledFor: data.scheduledFor,
        scheduledUntil: data.scheduledUntil,
        statusUrl: d.links.status(),
        unsubscribeUrl: d.links.unsubscribe(s.id),
      }),
    );
  }

  async function pagerDuty(
    e: EventEnvelope,
    at: StreamPosition,
    status: string,
    known?: { title: string; sev: number; services: string[] },
  ) {
    const action = actionForStatus(status);
    if (!d.pagerDuty || !action) return;
    const incident = known ?? (await d.read.incident(e.subject));
    const event = pagerDutyEvent(action, {
      id: e.subject,
      title: incident?.title ?? `Incident ${e.subject}`,
      ...(incident?.sev !== undefined ? { sev: incident.sev } : {}),
      services: incident?.services ?? [],
    });
    // One lane per incident: an acknowledge must not reach PagerDuty before the trigger it follows, which may
    // still be waiting for a retry.
    const job = {
      kind: 'pagerduty' as const,
      id: d.newJobId(),
      attempt: 1,
      incidentId: e.subject,
      lane: `pagerduty:${e.subject}`,
      event,
    };
    await d.queue.enqueueInLane(e.id, 'pagerduty', job, d.dedupeTtlMs, {
      key: job.lane,
      position: lanePosition(at.entryId),
    });
  }

  return {
    /**
     * Called for every event of the comms and incidents streams, with where it was read; types it has no rule
     * for are ignored.
     */
    async handle(e: EventEnvelope, at: StreamPosition): Promise<void> {
      const data = e.data as never;
      switch (e.type) {
        case COMMS_EVENTS.announcementPublished:
          return announcement(e, data);
        case COMMS_EVENTS.componentStatusChanged:
          return componentStatus(e, data);
        case COMMS_EVENTS.maintenanceScheduled:
          return maintenance(e, data);
        case COMMS_EVENTS.maintenanceStatusChanged:
          return maintenance(e, data);
        case COMMS_EVENTS.maintenanceReminder:
          return reminder(e, data);
        case INCIDENT_EVENTS.created: {
          const c = e.data as { title: string; sev: number; services: string[]; status: string };
          return pagerDuty(e, at, c.status, c);
        }
        case INCIDENT_EVENTS.statusChanged:
          return pagerDuty(e, at, (e.data as { to: string }).to);
      }
    },
  };
}

export type FanOut = ReturnType<typeof createFanOut>;

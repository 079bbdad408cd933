import { readdirSync, readFileSync } from 'node:fs';
import { INCIDENT_EVENTS, INCIDENT_SCRIPT_KEYS, type IncidentEventType } from '@polystatus/contracts';
import { describe, expect, it } from 'vitest';

const LUA = new URL('./lua/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, LUA), 'utf8');

/** Which event each write script completes: the service hands it that envelope (see src/service). */
const EVENT_OF_SCRIPT: Record<string, IncidentEventType> = {
  'create.lua': INCIDENT_EVENTS.created,
  'update.lua': INCIDENT_EVENTS.updated,
  'change-status.lua': INCIDENT_EVENTS.statusChanged,
  'assign-commander.lua': INCIDENT_EVENTS.commanderAssigned,
  'add-note.lua': INCIDENT_EVENTS.timelineEventAdded,
  'submit-postmortem.lua': INCIDENT_EVENTS.postmortemSubmitted,
  'record-upstream.lua': INCIDENT_EVENTS.timelineEventAdded,
  'acknowledge.lua': INCIDENT_EVENTS.acknowledged,
  'assign-role.lua': INCIDENT_EVENTS.roleAssigned,
  'unassign-role.lua': INCIDENT_EVENTS.roleUnassigned,
  'create-action-item.lua': INCIDENT_EVENTS.actionItemCreated,
  'update-action-item.lua': INCIDENT_EVENTS.actionItemUpdated,
};

/** The text of each `emit(…)` call's argument (write-common.lua's `emit` adds those members to `data`). */
function emitArguments(source: string): string[] {
  const calls: string[] = [];
  for (let at = source.indexOf('emit('); at >= 0; at = source.indexOf('emit(', at + 1)) {
    if (source.slice(Math.max(0, at - 9), at) === 'function ') continue;
    let depth = 0;
    let quote: string | null = null;
    for (let i = at + 4; i < source.length; i++) {
      const c = source[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        calls.push(source.slice(at + 5, i));
        break;
      }
    }
  }
  return calls;
}

/**
 * The JSON member names an emit argument writes into `data` (`'"version":' .. v .. ',"from":"' …`). Nested
 * members (update's `changes`) are built outside the call, so every name inside it is a top-level key.
 */
const memberNames = (argument: string): string[] => [...argument.matchAll(/"(\w+)":/g)].map((m) => m[1]!);

describe('incident write scripts and the incidents contract', () => {
  it('maps every script that emits an event to that event', () => {
    const emitting = readdirSync(LUA)
      .filter((f) => f.endsWith('.lua') && emitArguments(read(f)).length > 0)
      .sort();
    expect(emitting).toEqual(Object.keys(EVENT_OF_SCRIPT).sort());
  });

  it.each(Object.entries(EVENT_OF_SCRIPT))(
    '%s adds exactly the keys the contract leaves to it',
    (file, type) => {
      const calls = emitArguments(read(file));
      expect(calls).toHaveLength(1);
      expect(new Set(memberNames(calls[0]!))).toEqual(new Set(INCIDENT_SCRIPT_KEYS[type]));
    },
  );
});

'use client';

import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { describeError, FormError } from '../../components/states.tsx';
import type { FlagFieldsFragment, FlagKind } from '../../generated/graphql.ts';
import { PutFlagMutation } from '../../graphql/flags.ts';
import {
  draftFromFlag,
  draftProblems,
  emptyServe,
  type FlagDraft,
  newFlagDraft,
  OPERATORS,
  type RuleDraft,
  type TargetDraft,
  toFlagInput,
  variationsOf,
} from './flag-draft.ts';
import { flagFieldErrors } from './flag-errors.ts';
import { ServeEditor } from './serve-editor.tsx';

const nextId = (list: Array<{ id: number }>) => Math.max(-1, ...list.map((x) => x.id)) + 1;

/**
 * Creates a flag or replaces its whole definition: state, kind and variations, individual targets, rules in
 * order, the fallthrough (a variation or a rollout), the off variation. The flags domain checks everything and
 * names each refused field; the message appears under that control. An edit is sent at the version it started
 * from and a creation at version 0, so neither overwrites a change made meanwhile.
 */
export function FlagEditor(props: {
  flag: FlagFieldsFragment | null;
  onDone: (key: string) => void;
  onCancel: () => void;
}) {
  // The version this edit started from: a change made meanwhile is announced, and saving over it is refused.
  const [base, setBase] = useState(props.flag);
  const flag = base;
  const newer = props.flag && base && props.flag.version !== base.version ? props.flag : null;
  const [draft, setDraft] = useState<FlagDraft>(() => (flag ? draftFromFlag(flag) : newFlagDraft()));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, put] = useMutation(PutFlagMutation);
  const creating = flag === null;
  const variations = variationsOf(draft);

  const server = flagFieldErrors(result.error);
  const conflict = result.error?.graphQLErrors[0]?.extensions?.code === 'CONFLICT';
  if (creating && conflict) server.key = 'a flag with this key already exists';
  const errors = { ...server, ...local };
  const general =
    result.error && !Object.keys(server).length ? describeError(result.error) : (errors[''] ?? undefined);

  const set = (change: Partial<FlagDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setRule = (id: number, change: Partial<RuleDraft>) =>
    set({ rules: draft.rules.map((r) => (r.id === id ? { ...r, ...change } : r)) });
  const setTarget = (id: number, change: Partial<TargetDraft>) =>
    set({ targets: draft.targets.map((t) => (t.id === id ? { ...t, ...change } : t)) });
  const moveRule = (index: number, by: -1 | 1) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(index, 1);
    rules.splice(index + by, 0, rule!);
    set({ rules });
  };
  const changeKind = (kind: FlagKind) =>
    kind === 'BOOLEAN'
      ? set({ kind, offVariation: 'off', fallthrough: emptyServe('on') })
      : set({
          kind,
          variations: draft.variations || 'control\ntreatment',
          offVariation: 'control',
          fallthrough: emptyServe('control'),
        });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = draftProblems(draft);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const res = await put({ input: toFlagInput(draft), expectedVersion: flag ? flag.version : 0 });
    if (res.data) props.onDone(res.data.putFlag.flag.key);
  };

  return (
    <form
      className="card flag-editor"
      onSubmit={submit}
      noValidate
      aria-label={creating ? 'New flag' : `Edit ${flag.key}`}
    >
      <h2 style={{ marginTop: 0 }}>{creating ? 'New flag' : `Edit ${flag.key}`}</h2>
      {newer ? (
        <div className="banner warn" role="status">
          Someone changed this flag meanwhile (now version {newer.version}); saving would be refused.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setBase(newer);
              setDraft(draftFromFlag(newer));
            }}
          >
            Start again from their version
          </button>
        </div>
      ) : null}
      <div className="form-row">
        <Field
          id="flag-key"
          label="Key"
          hint="Letters, digits, _ . or -; the name code asks for."
          error={errors.key}
        >
          <input
            {...describedBy('flag-key', errors.key, true)}
            value={draft.key}
            readOnly={!creating}
            autoComplete="off"
            onChange={(e) => set({ key: e.target.value })}
          />
        </Field>
        <Field id="flag-kind" label="Kind" error={errors.kind}>
          <select
            {...describedBy('flag-kind', errors.kind)}
            value={draft.kind}
            disabled={!creating}
            onChange={(e) => changeKind(e.target.value as FlagKind)}
          >
            <option value="BOOLEAN">Boolean (on / off)</option>
            <option value="MULTIVAR">Multivariate (strings)</option>
          </select>
        </Field>
      </div>
      <Field id="flag-description" label="Description (optional)" error={errors.description}>
        <input
          {...describedBy('flag-description', errors.description)}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={draft.on} onChange={(e) => set({ on: e.target.checked })} /> Flag is
          on
        </label>
        <p className="hint">Off, everyone gets the off variation, whatever the targeting says.</p>
      </div>
      {draft.kind === 'MULTIVAR' ? (
        <Field id="flag-variations" label="Variations, one per line" error={errors.variations}>
          <textarea
            {...describedBy('flag-variations', errors.variations)}
            value={draft.variations}
            rows={3}
            onChange={(e) => set({ variations: e.target.value })}
          />
        </Field>
      ) : null}
      <Field
        id="flag-off"
        label="Off variation"
        hint="Served while the flag is off."
        error={errors.offVariation}
      >
        <select
          {...describedBy('flag-off', errors.offVariation, true)}
          value={draft.offVariation}
          onChange={(e) => set({ offVariation: e.target.value })}
        >
          {variations.includes(draft.offVariation) ? null : (
            <option value={draft.offVariation}>{draft.offVariation || '—'}</option>
          )}
          {variations.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </Field>

      <h3>Individual targets</h3>
      <p className="hint muted">Checked first: these users get their variation whatever the rules say.</p>
      {errors.targets ? (
        <p className="field-error" role="alert">
          {errors.targets}
        </p>
      ) : null}
      {draft.targets.map((t, n) => {
        const error = errors[`targets.${t.user.trim()}`];
        return (
          <div key={t.id} className={error ? 'target-row invalid' : 'target-row'}>
            <input
              aria-label={`Target ${n + 1} user`}
              placeholder="user id"
              value={t.user}
              onChange={(e) => setTarget(t.id, { user: e.target.value })}
            />
            <select
              aria-label={`Target ${n + 1} variation`}
              value={t.variation}
              onChange={(e) => setTarget(t.id, { variation: e.target.value })}
            >
              {variations.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button subtle"
              aria-label={`Remove target ${n + 1}`}
              onClick={() => set({ targets: draft.targets.filter((x) => x.id !== t.id) })}
            >
              Remove
            </button>
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="button subtle"
        onClick={() =>
          set({
            targets: [
              ...draft.targets,
              { id: nextId(draft.targets), user: '', variation: variations[0] ?? '' },
            ],
          })
        }
      >
        Add a target
      </button>

      <h3>Rules</h3>
      <p className="hint muted">
        Tried in order after the targets; the first whose condition matches serves.
      </p>
      {errors.rules ? (
        <p className="field-error" role="alert">
          {errors.rules}
        </p>
      ) : null}
      <ol className="rule-list">
        {draft.rules.map((r, i) => {
          const error = errors[`rules.${i}`];
          return (
            <li key={r.id} className={error ? 'rule invalid' : 'rule'} data-rule={i}>
              <div className="rule-if">
                <span className="muted">If</span>
                <input
                  aria-label={`Rule ${i + 1} attribute`}
                  placeholder="role"
                  value={r.attr}
                  onChange={(e) => setRule(r.id, { attr: e.target.value })}
                />
                <select
                  aria-label={`Rule ${i + 1} operator`}
                  value={r.op}
                  onChange={(e) => setRule(r.id, { op: e.target.value })}
                >
                  {OPERATORS.map((op) => (
                    <option key={op} value={op}>
                      {op.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={`Rule ${i + 1} value`}
                  placeholder={r.op === 'in' || r.op === 'not_in' ? 'a, b, c' : 'value'}
                  value={r.value}
                  onChange={(e) => setRule(r.id, { value: e.target.value })}
                />
              </div>
              <ServeEditor
                id={`rule-${r.id}`}
                legend={`Rule ${i + 1} serves`}
                serve={r.serve}
                variations={variations}
                error={error}
                onChange={(serve) => setRule(r.id, { serve })}
              />
              <div className="actions">
                <button
                  type="button"
                  className="button subtle"
                  disabled={i === 0}
                  aria-label={`Move rule ${i + 1} up`}
                  onClick={() => moveRule(i, -1)}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="button subtle"
                  disabled={i === draft.rules.length - 1}
                  aria-label={`Move rule ${i + 1} down`}
                  onClick={() => moveRule(i, 1)}
                >
                  Down
                </button>
                <button
                  type="button"
                  className="button subtle"
                  aria-label={`Remove rule ${i + 1}`}
                  onClick={() => set({ rules: draft.rules.filter((x) => x.id !== r.id) })}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button subtle"
        onClick={() =>
          set({
            rules: [
              ...draft.rules,
              {
                id: nextId(draft.rules),
                attr: '',
                op: 'eq',
                value: '',
                serve: emptyServe(variations[0] ?? ''),
              },
            ],
          })
        }
      >
        Add a rule
      </button>

      <ServeEditor
        id="fallthrough"
        legend="Everyone else gets (fallthrough)"
        serve={draft.fallthrough}
        variations={variations}
        error={errors.fallthrough}
        onChange={(fallthrough) => set({ fallthrough })}
      />

      <FormError error={general} />
      <div className="actions">
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? 'Saving…' : creating ? 'Create flag' : 'Save changes'}
        </button>
        <button type="button" className="button subtle" onClick={props.onCancel}>
          Cancel
        </button>
        {flag ? <span className="muted">Editing version {flag.version}</span> : null}
      </div>
    </form>
  );
}

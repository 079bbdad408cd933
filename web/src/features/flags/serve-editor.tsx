'use client';

import type { ServeDraft } from './flag-draft.ts';

/**
 * What a rule or the fallthrough serves: one variation, or a percentage rollout over the flag's variations
 * (sticky per user; the weights must add up to 100, which the flags domain checks).
 */
export function ServeEditor(props: {
  id: string;
  legend: string;
  serve: ServeDraft;
  variations: string[];
  error?: string;
  onChange: (serve: ServeDraft) => void;
}) {
  const { id, serve, variations } = props;
  const set = (change: Partial<ServeDraft>) => props.onChange({ ...serve, ...change });
  const total = variations.reduce((sum, v) => sum + (Number(serve.weights[v]) || 0), 0);

  return (
    <fieldset
      className={props.error ? 'serve invalid' : 'serve'}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      <div className="serve-mode" role="radiogroup" aria-label={`${props.legend}: how`}>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={serve.mode === 'variation'}
            onChange={() => set({ mode: 'variation', variation: serve.variation || variations[0] || '' })}
          />{' '}
          One variation
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={serve.mode === 'rollout'}
            onChange={() => set({ mode: 'rollout' })}
          />{' '}
          Percentage rollout
        </label>
      </div>
      {serve.mode === 'variation' ? (
        <select
          aria-label={`${props.legend}: variation`}
          value={serve.variation}
          onChange={(e) => set({ variation: e.target.value })}
        >
          {serve.variation && !variations.includes(serve.variation) ? (
            <option value={serve.variation}>{serve.variation} (not a variation)</option>
          ) : null}
          {variations.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <div className="weights">
          {variations.map((v) => (
            <label key={v} className="weight">
              <span>{v}</span>
              <input
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="0.001"
                aria-label={`${props.legend}: percent for ${v}`}
                value={serve.weights[v] ?? ''}
                onChange={(e) => set({ weights: { ...serve.weights, [v]: e.target.value } })}
              />
              <span aria-hidden="true">%</span>
            </label>
          ))}
          <span className={Math.abs(total - 100) < 1e-9 ? 'muted' : 'overdue-text'}>Total {total}%</span>
        </div>
      )}
      {props.error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

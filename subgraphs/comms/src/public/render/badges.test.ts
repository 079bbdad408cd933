import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Component, ComponentStatus } from '../../domain/component.ts';
import type { PublicState } from '../public-state-types.ts';
import {
  badgeSvg,
  badges,
  COMPONENT_BADGE,
  OVERALL_BADGE_PATH,
  slugOf,
  UNKNOWN_BADGE_PATH,
} from './badges.ts';
import { buildView } from './view.ts';

const NOW = Date.UTC(2026, 0, 10, 12);
const component = (id: string, name: string, status: ComponentStatus): Component =>
  ({
    id,
    name,
    description: '',
    groupId: null,
    position: 0,
    status,
    createdAt: NOW,
    updatedAt: NOW,
  }) as Component;

function render(components: Component[]) {
  const state: PublicState = {
    seq: 1,
    groups: [],
    components,
    history: new Map(),
    incidents: [],
    maintenances: [],
    manualBanner: null,
  };
  const settings = { pageName: 'Acme', pageUrl: 'https://s.test', recentResolvedMs: 0, bannerResolvedMs: 0 };
  return badges(buildView(state, settings, NOW));
}
const fillOf = (svg: string) =>
  [...svg.matchAll(/<rect x="\d+" width="\d+" height="20" fill="(#[0-9a-f]+)"/g)][0]?.[1];

describe('badges', () => {
  it('are well-formed SVG, with the name and status as text and an accessible label', () => {
    const svg = badgeSvg('API <EU> & "co"', 'major outage', '#e05d44');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('aria-label="API &lt;EU&gt; &amp; &quot;co&quot;: major outage"');
    expect(svg).toContain('role="img"');
  });

  it('take the colour of each status, and the overall badge that of the page', () => {
    for (const status of Object.keys(COMPONENT_BADGE) as ComponentStatus[]) {
      const svg = render([component('cmp_a', 'API', status)]).get('/badge/cmp_a.svg')!;
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(fillOf(svg)).toBe(COMPONENT_BADGE[status].color);
    }
    expect(fillOf(render([component('cmp_a', 'API', 'operational')]).get(OVERALL_BADGE_PATH)!)).toBe('#4c1');
    expect(fillOf(render([component('cmp_a', 'API', 'partial_outage')]).get(OVERALL_BADGE_PATH)!)).toBe(
      '#fe7d37',
    );
  });

  it('are addressed by id, and by slug only when no other component has it; the unknown one always exists', () => {
    const all = render([
      component('cmp_a', 'API Gateway (EU)', 'operational'),
      component('cmp_b', 'Web', 'operational'),
      component('cmp_c', 'web!', 'operational'),
      component('cmp_d', 'Overall', 'operational'),
    ]);
    expect(slugOf('API Gateway (EU)')).toBe('api-gateway-eu');
    expect([...all.keys()].sort()).toEqual(
      [
        '/badge/cmp_a.svg',
        '/badge/api-gateway-eu.svg',
        '/badge/cmp_b.svg',
        '/badge/cmp_c.svg',
        '/badge/cmp_d.svg',
        OVERALL_BADGE_PATH,
        UNKNOWN_BADGE_PATH,
      ].sort(),
    );
  });
});

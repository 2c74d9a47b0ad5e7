#!/usr/bin/env node
// Usage: check-dashboard.mjs DASHBOARD.json [SCRAPE ...]   (a SCRAPE is a URL or a file of Prometheus text)
// Fails when a query does not parse, or, given scrapes, when a metric the dashboard reads appears in none of them.
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';

// Series that come from outside our services (the broker's own exporter).
const EXTERNAL = /^rabbitmq_/;

const [dashboardPath, ...scrapes] = process.argv.slice(2);
if (!dashboardPath) {
  console.error('usage: check-dashboard.mjs DASHBOARD.json [SCRAPE_URL_OR_FILE ...]');
  process.exit(2);
}
const dashboard = JSON.parse(readFileSync(dashboardPath, 'utf8'));
const queries = dashboard.panels.flatMap(p => (p.targets ?? []).map(t => ({ panel: p.title, expr: t.expr })));

let failures = 0;
const metrics = new Map();
for (const { panel, expr } of queries) {
  // Grafana substitutes its variables before Prometheus sees the query.
  const promql = expr.replace(/\$__rate_interval|\$__range/g, '5m').replace(/\$[a-z_]+/g, '.*');
  parser.parse(promql).iterate({
    enter: node => {
      if (node.type.isError) {
        failures++;
        console.log(`syntax error in "${panel}" at ${node.from}: ${promql}`);
      } else if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        metrics.set(promql.slice(node.from, node.to), panel);
      }
    },
  });
}
console.log(`${queries.length} queries parsed, ${metrics.size} metrics read`);

if (scrapes.length) {
  let exposition = '';
  for (const source of scrapes) {
    exposition += /^https?:/.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  }
  const exposed = new Set(exposition.split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split(/[{ ]/)[0]));
  for (const [metric, panel] of metrics) {
    if (EXTERNAL.test(metric)) continue;
    if (!exposed.has(metric)) {
      failures++;
      console.log(`missing from the scrapes: ${metric} (panel "${panel}")`);
    }
  }
}
process.exit(failures ? 1 : 0);

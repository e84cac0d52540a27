/**
 * The layers and their allowed imports (`npm run lint` runs this). Arrows point the way imports may go:
 *
 *   server → everything in src/        (entries, composition root, HTTP pipeline)
 *   graphql (src/graphql, resolvers/, src/generated) → application, domain, providers, infra
 *   providers → domain, application's ports, infra
 *   infra → domain, application's ports
 *   application → domain               (the write flows and the ports they declare)
 *   domain → nothing of ours           (models and rules, pure)
 *   config → what it reads settings for; read only by server
 *   tools/ (simulators, bench, dev entry) → src/; src/ never → tools/
 *
 * And no import cycles at all.
 */
const layer = (name) => `^(src/${name})/`;
const OURS = '^(src|resolvers|tools)/';

/** A rule: `from` may import nothing of ours but `allowed`. */
function only(name, from, allowed, extra = {}) {
  return {
    name,
    severity: 'error',
    from: { path: from },
    to: { path: OURS, pathNot: allowed.join('|'), ...extra },
  };
}

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    only('domain-is-pure', layer('domain'), [layer('domain')]),
    only('application-needs-only-domain', layer('application'), [layer('application'), layer('domain')]),
    only('providers-below-graphql', layer('providers'), [layer('providers'), layer('domain'), layer('application'), layer('infra')]),
    only('infra-below-providers', layer('infra'), [layer('infra'), layer('domain'), layer('application')]),
    {
      name: 'only-ports-of-application',
      comment: 'providers and infra implement the ports application declares (ports.ts, ports/): they never import its flows',
      severity: 'error',
      from: { path: '^src/(providers|infra)/' },
      to: { path: layer('application'), pathNot: '^src/application/(ports/|.*/ports\\.ts$)' },
    },
    only('graphql-below-server', '^(src/graphql/|resolvers/|src/generated/)', [
      layer('graphql'),
      '^resolvers/',
      layer('generated'),
      layer('application'),
      layer('domain'),
      layer('providers'),
      layer('infra'),
    ]),
    only('config-reads-settings', layer('config'), [layer('config'), layer('domain'), layer('providers'), layer('infra'), layer('graphql'), layer('server')]),
    {
      name: 'config-only-for-server',
      severity: 'error',
      from: { path: OURS, pathNot: `${layer('config')}|${layer('server')}|^tools/|^test/` },
      to: { path: layer('config') },
    },
    { name: 'src-never-tools', severity: 'error', from: { path: '^(src|resolvers)/' }, to: { path: '^tools/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist|coverage)/' },
  },
};

// Runs IAM policy simulations for the scaffold's policy test with @cloud-copilot/iam-simulate
// (AGPL-3.0; installed by the build as an external test tool, never bundled with ficus).
// Usage: node iam-simulate.cjs <folder npm installed it into> <cases.json>
// cases.json: [{ "id", "policy", "action", "resource", "account", "resourcePolicy"? }]
// Prints one JSON object: { id: "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied" | "error: ..." }
'use strict';
const path = require('path');
const fs = require('fs');
const { createRequire } = require('module');

const [, , installDir, casesFile] = process.argv;
const load = createRequire(path.join(path.resolve(installDir), 'package.json'));
const { runSimulation } = load('@cloud-copilot/iam-simulate');

(async () => {
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  const results = {};
  for (const c of cases) {
    const response = await runSimulation(
      {
        identityPolicies: [{ name: 'function-policy', policy: c.policy }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy } : {}),
        request: {
          action: c.action,
          principal: `arn:aws:iam::${c.account}:role/ficus-test-function`,
          resource: { accountId: c.account, resource: c.resource },
          contextVariables: {}
        }
      },
      {}
    );
    results[c.id] =
      response.resultType === 'error'
        ? 'error: ' + JSON.stringify(response.errors)
        : response.overallResult;
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});

/// The built-in template of report.html (Mustache; `{{value}}` is HTML-escaped, which is why registry
/// text can never become markup). `herald template` prints it as a starting point for `--template`.
public enum DefaultHTMLTemplate {
    public static let text = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="herald {{tool_version}}">
<title>{{organisation}}: social media audit, {{as_of}}</title>
<style>
  :root { color-scheme: light; --error: #a4161a; --warning: #7a4a00; --pass: #1d6b34; --line: #c9ced6; --muted: #4a5360; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
  a { color: #0b4f9c; }
  a:focus, input:focus { outline: 3px solid #f2b600; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
  header, main, footer, nav { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
  header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.3rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
  .verdict { display: inline-block; font-weight: 700; padding: .2rem .6rem; border: 2px solid currentColor; border-radius: 4px; }
  .verdict.failed { color: var(--error); } .verdict.warnings { color: var(--warning); } .verdict.passed { color: var(--pass); }
  dl.counts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
  dl.counts div { min-width: 7rem; } dl.counts dt { color: var(--muted); font-size: .9rem; } dl.counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
  thead th { background: #eef1f5; overflow-wrap: normal; } td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
  .sev { font-weight: 700; text-transform: uppercase; font-size: .8rem; }
  .sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.waived { color: inherit; } .ok { color: var(--pass); font-weight: 600; }
  table.accounts th[scope=row] { background: none; font-weight: 600; width: 34%; }
  table.accounts tr.failing th[scope=row] { border-left: 5px solid var(--error); }
  table.accounts tr.passing th[scope=row] { border-left: 5px solid var(--pass); }
  table.accounts .name { font-weight: 400; } table.accounts .not-link { font-weight: 400; color: var(--muted); }
  td, th { unicode-bidi: isolate; }
  table.accounts td.status, table.accounts td.reviewed { white-space: nowrap; }
  .findings { margin: 0; padding-left: 1.1rem; }
  .findings li { margin: .1rem 0 .35rem; } code { font-size: .9em; overflow-wrap: anywhere; }
  .filter { margin: 1rem 0; }
  body:has(#only-failing:checked) tr.passing { display: none; }
  svg text { font: 13px system-ui, sans-serif; fill: #1b1f24; } svg rect { fill: var(--error); }
  footer { color: var(--muted); font-size: .9rem; padding: 2rem 1rem; }
  @media print { .skip, .filter { display: none; } a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<a class="skip" href="#main">Skip to the findings</a>
<header>
  <p>Social media accounts audit</p>
  <h1>{{organisation}}</h1>
  <p>As of <time datetime="{{as_of}}">{{as_of}}</time>. <span class="verdict {{verdict}}" id="verdict" data-verdict="{{verdict}}">{{verdict_text}}</span></p>
  <dl class="counts">
    <div><dt>Accounts</dt><dd id="count-accounts">{{accounts}}</dd></div>
    <div><dt>Passing</dt><dd id="count-passing">{{passing_accounts}}</dd></div>
    <div><dt>Errors</dt><dd id="count-errors">{{errors}}</dd></div>
    <div><dt>Warnings</dt><dd id="count-warnings">{{warnings}}</dd></div>
    <div><dt>Waived</dt><dd id="count-waived">{{waived}}</dd></div>
  </dl>
</header>
<nav aria-label="Units">
  <h2 id="units-heading">Units, worst first</h2>
  <table aria-labelledby="units-heading">
    <thead><tr><th scope="col">Unit</th><th scope="col" class="number">Accounts</th><th scope="col" class="number">Passing</th><th scope="col" class="number">Errors</th><th scope="col" class="number">Warnings</th><th scope="col" class="number">Waived</th></tr></thead>
    <tbody>
{{#units}}
      <tr><th scope="row">{{#has_accounts}}<a href="#{{anchor}}">{{name}}</a>{{/has_accounts}}{{^has_accounts}}{{name}}{{/has_accounts}}{{^defined}} (no unit file){{/defined}}</th><td class="number">{{accounts}}</td><td class="number">{{passing}}</td><td class="number">{{errors}}</td><td class="number">{{warnings}}</td><td class="number">{{waived}}</td></tr>
{{/units}}
    </tbody>
  </table>
{{#chart.has_bars}}
  <figure>
    <svg role="img" aria-labelledby="chart-title" width="{{chart.width}}" height="{{chart.height}}" viewBox="0 0 {{chart.width}} {{chart.height}}">
      <title id="chart-title">Accounts with findings, by unit</title>
{{#chart.bars}}
      <text x="0" y="{{text_y}}">{{name}}</text><rect x="{{bar_x}}" y="{{y}}" width="{{width}}" height="18"></rect><text x="{{count_x}}" y="{{text_y}}">{{count}}</text>
{{/chart.bars}}
    </svg>
    <figcaption>Accounts with findings, by unit (the table above gives the same figures).</figcaption>
  </figure>
{{/chart.has_bars}}
</nav>
<main id="main">
  <h2 id="rules-heading">Rules</h2>
  <table aria-labelledby="rules-heading">
    <thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Checks</th><th scope="col" class="number">Findings</th><th scope="col" class="number">Accounts</th></tr></thead>
    <tbody>
{{#rules}}
      <tr><th scope="row"><code>{{id}}</code></th><td><span class="sev {{severity}}">{{severity}}</span></td><td>{{summary}}</td><td class="number">{{findings}}</td><td class="number">{{failing_accounts}}</td></tr>
{{/rules}}
    </tbody>
  </table>
{{#has_organisation_findings}}
  <section aria-labelledby="organisation-heading">
  <h2 id="organisation-heading">Organisation files</h2>
  <p>Findings in people.yaml, the unit files and herald.yaml, which concern no single account.</p>
  <ul class="findings" id="organisation-findings">
{{#organisation_findings}}
    <li><span class="sev {{severity}}">{{severity}}</span> {{message}} <code>[{{rule}}]</code> Edit <code>{{file}}:{{line}}:{{column}}</code></li>
{{/organisation_findings}}
  </ul>
  </section>
{{/has_organisation_findings}}
  <p class="filter"><input type="checkbox" id="only-failing"> <label for="only-failing">Show only accounts with findings</label></p>
{{{account_sections}}}
</main>
<footer>
  <p>Generated by herald {{tool_version}} for the audit date {{as_of}}. Each finding names the file and line to edit; run <code>herald explain RULE</code> for what a rule asks and why.</p>
</footer>
</body>
</html>

"""#
}

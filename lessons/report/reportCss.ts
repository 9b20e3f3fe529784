/** The report's own styles: calm, printable (A4 and Letter), no web fonts beyond KaTeX's. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1b1b1b; font: 15px/1.5 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 940px; margin: 0 auto; padding: 28px 32px 48px; }
header { border-bottom: 2px solid #1d4f91; margin-bottom: 8px; padding-bottom: 10px; }
.kicker { margin: 0; color: #1d4f91; font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; }
h1 { margin: 4px 0 2px; font-size: 28px; line-height: 1.2; }
h3 { margin: 22px 0 6px; font-size: 17px; }
h4 { margin: 14px 0 4px; font-size: 14px; color: #333; }
.caption, .hint { color: #444; margin: 2px 0 6px; } .hint { font-size: 13px; }
h2 { margin: 28px 0 8px; font-size: 19px; color: #1d4f91; border-bottom: 1px solid #d8dee8; padding-bottom: 3px; }
.topic { margin: 0 0 8px; color: #444; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1px 14px; margin: 0; font-size: 13px; }
dl.meta dt { color: #666; } dl.meta dd { margin: 0; }
figure { margin: 8px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figure.graph { border: 1px solid #e1e5ea; border-radius: 6px; padding: 6px; text-align: center; }
figcaption { font-size: 12px; color: #555; }
.legend { font-size: 12px; color: #444; }
.key { display: inline-block; padding: 0 6px; border-radius: 4px; border: 1px solid; }
.key.data { background: #e3efff; border-color: #3a6fb0; }
.key.parameter { background: #fff1d6; border-color: #b7791f; }
.key.constant { background: #eeeeee; border-color: #777777; }
.key.function { background: #ffffff; border-color: #333333; border-radius: 10px; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table.data { border-collapse: collapse; width: 100%; font-size: 13px; }
table.data th, table.data td { border-bottom: 1px solid #e1e5ea; padding: 4px 8px; text-align: left; vertical-align: top; }
table.data th { background: #f3f6fa; font-weight: 600; }
table.data tr.output td { background: #f6f9ff; font-weight: 600; }
table.data tr.bad td { background: #fdecec; }
td.label { font-style: italic; }
td.verdict-cell { white-space: nowrap; }
.num, table.tensor td { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
table.tensor { border-collapse: collapse; border-left: 1.5px solid #555; border-right: 1.5px solid #555; }
table.tensor td { padding: 0 5px; text-align: right; }
figure.tensor-heat { margin: 0; } figure.tensor-heat figcaption { font-size: 11px; }
ol.steps { padding-left: 28px; } ol.steps > li { margin: 4px 0; }
ul.chain { list-style: none; padding-left: 14px; margin: 2px 0 8px; border-left: 2px solid #e8c4c4; }
ul.chain li { margin: 2px 0; }
p.at { margin: 2px 0; }
.seed { color: #666; font-size: 12px; }
.katex { font-size: 1.08em; }
ol.checkpoints > li { margin-bottom: 10px; }
ol.checkpoints p { margin: 2px 0; }
.q { font-weight: 600; }
.expected { color: #555; font-size: 13px; }
.verdict.right { color: #1e7b34; font-weight: 600; }
.verdict.wrong { color: #b03030; font-weight: 600; }
.verdict.none, .none { color: #777; }
.notes { border-left: 3px solid #1d4f91; padding: 2px 12px; background: #f8fafc; }
.warning { background: #fff4e0; border: 1px solid #e0a040; padding: 6px 10px; border-radius: 4px; }
.note { color: #666; font-size: 12px; }
footer { margin-top: 32px; color: #777; font-size: 12px; border-top: 1px solid #e1e5ea; padding-top: 6px; }
@page { size: auto; margin: 14mm 12mm; }
@media print {
  body { font-size: 12px; }
  main { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, figure { break-inside: avoid; }
  figure, .table-wrap { overflow: visible; }
  /* A tall graph (a long chain laid out top to bottom) is shrunk to one page, never split across pages. */
  figure.graph svg { max-height: 240mm; }
  table.tensor td, .num { font-size: 10px; }
  a { color: inherit; text-decoration: none; }
}
`;

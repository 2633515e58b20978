/**
 * The web app's first screen is plain HTML and this small stylesheet (Fluent's look: its font, colours,
 * button shapes and focus ring), so the first load carries React and no component library; Fluent UI
 * comes with the workspace, when a workbook is opened. Class names start with "phl-".
 */
const CSS = `
.phl-page{min-height:100vh;box-sizing:border-box;background:#fafafa;color:#242424;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;font-size:14px;line-height:20px}
.phl-welcome{max-width:640px;margin:0 auto;padding:24px 16px;display:flex;flex-direction:column;gap:16px;box-sizing:border-box}
.phl-head,.phl-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.phl-head{justify-content:space-between}
.phl-title{margin:0;font-size:20px;line-height:28px;font-weight:600}
.phl-muted{color:#616161;font-size:12px;margin:0}
.phl-error{color:#a4262c;font-weight:600;margin:0}
.phl-btn{font:inherit;font-weight:600;min-width:96px;min-height:32px;padding:5px 12px;border-radius:4px;border:1px solid #d1d1d1;background:#fff;color:#242424;cursor:pointer}
.phl-btn:hover{background:#f5f5f5;border-color:#c7c7c7}
.phl-btn:focus-visible{outline:2px solid #000;outline-offset:1px}
.phl-btn:disabled{cursor:not-allowed;color:#bdbdbd;background:#f0f0f0;border-color:#e0e0e0}
.phl-primary{background:#0f6cbd;border-color:transparent;color:#fff}
.phl-primary:hover{background:#115ea3;border-color:transparent}
.phl-subtle{background:transparent;border-color:transparent;min-width:0;font-weight:400}
.phl-update{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:6px 12px;background:#fff4ce}
.phl-drop{position:fixed;inset:8px;border:3px dashed #0f6cbd;border-radius:12px;background:rgba(255,255,255,.85);display:flex;align-items:center;justify-content:center;font-size:20px;z-index:1000;pointer-events:none}
.phl-hidden{display:none}
`;

let added = false;

/** Adds the stylesheet to the page once. */
export function addFirstScreenStyles(doc: Document = document): void {
  if (added || !doc?.head) return;
  added = true;
  const style = doc.createElement("style");
  style.setAttribute("data-phuluc", "first-screen");
  style.textContent = CSS;
  doc.head.appendChild(style);
}

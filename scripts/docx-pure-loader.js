/**
 * Webpack loader for the `docx` package: marks its template-patching functions (patchDocument,
 * patchDetector — phuluc never calls them) as pure, so the minifier drops them when unused. They are the
 * only code in docx with a regex look-behind (built with `new RegExp` from a template string), which the
 * bundles must not carry (Safari before 16.4 — Excel for Mac on older macOS — cannot run one; see
 * test/e2e/old-engine.e2e.test.ts). If a docx update changes these lines, the loader changes nothing and
 * that test names the chunk again.
 */
module.exports = function docxPureLoader(source) {
  return source.replace(/^var (patchDocument|patchDetector) = function\(\) \{/gm, "var $1 = /* @__PURE__ */ function() {");
};

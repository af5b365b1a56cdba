// Records every Content-Security-Policy violation on the page, so that a test (or a curious
// integrator, from the console) can read them from `window.__cspViolations`. Loaded as a classic
// script before anything else, so that it sees violations from the very first module.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});

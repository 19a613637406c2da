// Collects what goes wrong while the page loads, for the self-check in report.js.
(function () {
  'use strict';
  var errors = [];
  window.cellReportErrors = errors;
  window.addEventListener('error', function (e) {
    errors.push('script error: ' + (e.message || 'failed to load ' + (e.target && e.target.tagName)));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + e.reason);
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('blocked by the page policy: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });
})();

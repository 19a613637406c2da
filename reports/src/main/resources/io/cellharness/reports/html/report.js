// Interactions (copy buttons, the time cursor on the timeline) and the self-check a headless browser reads back.
(function () {
  'use strict';
  var errors = window.cellReportErrors || ['the error trap did not run'];

  // Mirrors io.cellharness.reports.html.VirtualTime#label.
  function label(ms) {
    if (ms <= 0) return '0s';
    if (ms < 1000) return ms + 'ms';
    var h = Math.floor(ms / 3600000), m = Math.floor(ms % 3600000 / 60000);
    var s = Math.floor(ms % 60000 / 1000), f = ms % 1000, out = '';
    if (h > 0) out += h + 'h';
    if (m > 0 || (h > 0 && (s > 0 || f > 0))) out += (h > 0 && m < 10 ? '0' : '') + m + 'm';
    if (s > 0 || f > 0) {
      out += (out && s < 10 ? '0' : '') + s;
      if (f > 0) out += '.' + String(1000 + f).substring(1).replace(/0+$/, '');
      out += 's';
    }
    return out;
  }

  function wireCopyButtons() {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source) return;
        var select = function () {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          button.textContent = 'Selected: Ctrl+C';
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.textContent).then(function () {
            button.textContent = 'Copied';
          }, select);
        } else {
          select();
        }
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
    });
  }

  function wireCursor(svg) {
    var group = svg.querySelector('.cursor');
    if (!group) return;
    var line = group.querySelector('line'), text = group.querySelector('text');
    var x0 = Number(svg.getAttribute('data-plot-x0')), x1 = Number(svg.getAttribute('data-plot-x1'));
    var end = Number(svg.getAttribute('data-time-end'));
    svg.addEventListener('mousemove', function (ev) {
      var ctm = svg.getScreenCTM();
      if (!ctm) return;
      var p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(ctm.inverse());
      if (p.x < x0 || p.x > x1) {
        group.classList.remove('on');
        return;
      }
      line.setAttribute('x1', p.x);
      line.setAttribute('x2', p.x);
      var flip = p.x > x1 - 90;
      text.setAttribute('x', flip ? p.x - 4 : p.x + 4);
      text.setAttribute('text-anchor', flip ? 'end' : 'start');
      text.textContent = 't = ' + label(Math.round((p.x - x0) / (x1 - x0) * end));
      group.classList.add('on');
    });
    svg.addEventListener('mouseleave', function () { group.classList.remove('on'); });
  }

  function selfCheck() {
    var problems = errors.slice();
    var charts = document.querySelectorAll('svg[data-chart]');
    var expect = function (chart, what, actual, expected) {
      if (expected !== null && actual !== Number(expected)) {
        problems.push(chart + ': drew ' + actual + ' ' + what + ', expected ' + expected);
      }
    };
    charts.forEach(function (svg) {
      var name = svg.getAttribute('data-chart');
      var box = svg.getBoundingClientRect();
      if (!(box.width > 100 && box.height > 40)) {
        problems.push(name + ': not laid out (' + box.width + ' x ' + box.height + ')');
      }
      var parts = svg.querySelectorAll('[data-part]').length;
      var segments = 0;
      svg.querySelectorAll('.seg').forEach(function (el) {
        var b = el.getBBox();
        if (b.width > 0 && b.height > 0) segments++;
      });
      var markers = svg.querySelectorAll('[data-marker]').length;
      svg.setAttribute('data-drawn-parts', parts);
      svg.setAttribute('data-drawn-segments', segments);
      svg.setAttribute('data-drawn-markers', markers);
      expect(name, 'parts', parts, svg.getAttribute('data-expected-parts'));
      expect(name, 'segments', segments, svg.getAttribute('data-expected-segments'));
      expect(name, 'markers', markers, svg.getAttribute('data-expected-markers'));
    });
    expect('page', 'charts', charts.length, document.body.getAttribute('data-expected-charts'));
    document.body.setAttribute('data-charts', charts.length);
    document.body.setAttribute('data-render-status', problems.length === 0 ? 'ok' : 'error: ' + problems.join('; '));
  }

  window.addEventListener('load', function () {
    try {
      wireCopyButtons();
      document.querySelectorAll('svg[data-chart="timeline"]').forEach(wireCursor);
      selfCheck();
    } catch (e) {
      document.body.setAttribute('data-render-status', 'error: ' + e);
    }
  });
})();

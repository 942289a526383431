// The dashboard's own script (inlined into index.html after uPlot): draws one chart per metric, the table view and
// the filters from the JSON in <script id="interp-gate-data">. Plain browser JS, no network.
;(function () {
  'use strict'
  var started = performance.now()
  var data = JSON.parse(document.getElementById('interp-gate-data').textContent)
  var commits = data.commits
  var el = function (tag, attrs, text) {
    var e = document.createElement(tag)
    for (var k in attrs || {}) e.setAttribute(k, attrs[k])
    if (text !== undefined) e.textContent = text
    return e
  }
  var short = function (sha) {
    return sha ? sha.slice(0, 7) : 'local'
  }
  var fmt = function (v) {
    return v === null || v === undefined ? '–' : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4)))
  }
  var commitLink = function (sha) {
    if (!sha) return el('span', {}, 'local')
    if (!data.repoUrl) return el('code', {}, short(sha))
    var a = el('a', { href: data.repoUrl + '/commit/' + sha, title: sha }, short(sha))
    return a
  }

  var day = function (i) {
    return ((commits[i] || {}).date || '').slice(0, 10)
  }
  var CHANGE_COLOR = { better: '#1a7f37', worse: '#cf222e' }
  var changeWord = function (c) {
    return c.worse ? '▼ worse' : '▲ better'
  }

  // X ticks on commit dates: the first commit of each day, thinned to fit; within one day, evenly spaced commits.
  function dateSplits(m, width) {
    var most = Math.max(2, Math.floor(width / 70))
    var firsts = []
    m.x.forEach(function (x, k) {
      if (k === 0 || day(x) !== day(m.x[k - 1])) firsts.push(x)
    })
    var pool = firsts.length >= 2 ? firsts : m.x
    var step = Math.ceil(pool.length / most)
    return pool.filter(function (_, k) {
      return k % step === 0
    })
  }
  function dateLabel(m, x) {
    var d = (commits[x] || {}).date || ''
    var sameDay = day(m.x[0]) === day(m.x[m.x.length - 1])
    return sameDay ? d.slice(11, 16) : d.slice(5, 10)
  }

  function levelSeries(m) {
    // The level between change points: the mean of each segment, drawn as a step line.
    var level = new Array(m.y.length)
    var cuts = [0]
      .concat(
        m.changes.map(function (c) {
          return c.i
        })
      )
      .concat([m.y.length])
    for (var s = 0; s + 1 < cuts.length; s++) {
      var sum = 0
      for (var i = cuts[s]; i < cuts[s + 1]; i++) sum += m.y[i]
      for (var j = cuts[s]; j < cuts[s + 1]; j++) level[j] = sum / (cuts[s + 1] - cuts[s])
    }
    return level
  }

  function chart(m, box, hover) {
    var gate = m.gate || {}
    var constant = function (v) {
      return m.x.map(function () {
        return v === undefined ? null : v
      })
    }
    var series = [
      {
        label: 'commit',
        value: function (u, i) {
          return i === null ? '' : short((commits[i] || {}).sha)
        }
      },
      { label: m.id, stroke: '#8c7ad9', width: 1, points: { show: m.y.length <= 60, size: 4 } },
      { label: 'CI low', stroke: 'transparent', points: { show: false } },
      { label: 'CI high', stroke: 'transparent', points: { show: false } },
      // The level between change points: solid and thicker than the series, drawn over it.
      { label: 'level', stroke: '#f08c00', width: 2.5, points: { show: false } },
      { label: 'gate min', stroke: '#57606a', width: 1.25, dash: [6, 4], points: { show: false }, show: gate.min !== undefined },
      { label: 'gate max', stroke: '#57606a', width: 1.25, dash: [6, 4], points: { show: false }, show: gate.max !== undefined }
    ]
    var width = Math.max(260, box.clientWidth || 400)
    var opts = {
      width: width,
      height: 180,
      series: series,
      bands: [{ series: [3, 2], fill: 'rgba(91, 60, 196, 0.13)' }],
      scales: { x: { time: false } },
      axes: [
        {
          space: 60,
          splits: function () {
            return dateSplits(m, width)
          },
          values: function (u, ticks) {
            return ticks.map(function (t) {
              return dateLabel(m, Math.round(t))
            })
          }
        },
        { size: 48 }
      ],
      legend: { show: false },
      hooks: {
        setCursor: [
          function (u) {
            var i = u.cursor.idx
            if (i === null || i === undefined) return
            var c = commits[m.x[i]] || {}
            hover.textContent =
              short(c.sha) +
              ' · ' +
              (c.date || '').slice(0, 10) +
              ' · ' +
              fmt(m.y[i]) +
              (m.lo[i] !== null ? ' [' + fmt(m.lo[i]) + ', ' + fmt(m.hi[i]) + ']' : '') +
              ' · n=' +
              m.n[i]
          }
        ],
        draw: [
          function (u) {
            // Change points: a vertical line where each new level starts, green or red and labelled in the
            // metric's direction.
            var ctx = u.ctx
            var ratio = window.devicePixelRatio || 1
            ctx.save()
            ctx.lineWidth = 2 * ratio
            ctx.font = 11 * ratio + 'px system-ui, sans-serif'
            ctx.textBaseline = 'top'
            m.changes.forEach(function (c) {
              var color = c.worse ? CHANGE_COLOR.worse : CHANGE_COLOR.better
              var px = Math.round(u.valToPos(m.x[c.i], 'x', true))
              ctx.strokeStyle = color
              ctx.beginPath()
              ctx.moveTo(px, u.bbox.top)
              ctx.lineTo(px, u.bbox.top + u.bbox.height)
              ctx.stroke()
              var label = changeWord(c)
              var right = px + ctx.measureText(label).width + 6 * ratio > u.bbox.left + u.bbox.width
              ctx.textAlign = right ? 'right' : 'left'
              ctx.fillStyle = color
              ctx.fillText(label, px + (right ? -4 : 4) * ratio, u.bbox.top + 2 * ratio)
            })
            ctx.restore()
          }
        ]
      }
    }
    var plot = [m.x, m.y, m.lo, m.hi, levelSeries(m), constant(gate.min), constant(gate.max)]
    return new uPlot(opts, plot, box)
  }

  function section(m) {
    var s = el('section', { class: 'metric', 'data-metric': m.id, 'data-suite': m.suite, 'data-family': m.family })
    var h = el('h2', {}, m.id)
    h.appendChild(
      el('small', {}, ' ' + m.metric + ' · ' + m.family + ' · ' + (m.direction === 'higher' ? 'higher is better' : 'lower is better') + ' · suite ' + m.suite)
    )
    s.appendChild(h)
    var box = el('div', { class: 'plot' })
    s.appendChild(box)
    var first = commits[m.x[0]] || {}
    var last = commits[m.x[m.x.length - 1]] || {}
    s.appendChild(
      el(
        'div',
        { class: 'range' },
        'commit dates ' + (first.date || '').slice(0, 10) + ' – ' + (last.date || '').slice(0, 10) + ' · ' + m.y.length + ' commit(s)'
      )
    )
    var hover = el('div', { class: 'hover' }, 'hover the chart for a commit')
    s.appendChild(hover)
    var notes = el('ul', { class: 'changes' })
    m.changes.forEach(function (c) {
      var li = el('li', { 'data-change': String(c.i), class: c.worse ? 'worse' : 'better' })
      li.appendChild(el('b', {}, changeWord(c)))
      li.appendChild(document.createTextNode(': level ' + fmt(c.before) + ' → ' + fmt(c.after) + ' from '))
      li.appendChild(commitLink(commits[m.x[c.i]].sha))
      li.appendChild(document.createTextNode(' (' + day(m.x[c.i]) + ', p=' + c.p.toPrecision(2) + ')'))
      notes.appendChild(li)
    })
    s.appendChild(notes)
    return { section: s, box: box, hover: hover }
  }

  function tableRow(m) {
    var last = m.y.length - 1
    var tr = el('tr', { 'data-metric': m.id, 'data-suite': m.suite, 'data-family': m.family })
    var lastChange = m.changes[m.changes.length - 1]
    ;[m.suite, m.family, m.id, fmt(m.y[last]), '[' + fmt(m.lo[last]) + ', ' + fmt(m.hi[last]) + ']', String(m.n[last]), String(m.y.length)].forEach(
      function (t) {
        tr.appendChild(el('td', {}, t))
      }
    )
    var commitCell = el('td')
    commitCell.appendChild(commitLink(commits[m.x[last]].sha))
    tr.appendChild(commitCell)
    var changeCell = el('td')
    if (lastChange) {
      changeCell.setAttribute('class', lastChange.worse ? 'worse' : 'better')
      changeCell.appendChild(document.createTextNode(changeWord(lastChange) + ' ' + fmt(lastChange.before) + ' → ' + fmt(lastChange.after) + ' at '))
      changeCell.appendChild(commitLink(commits[m.x[lastChange.i]].sha))
    }
    tr.appendChild(changeCell)
    return tr
  }

  var charts = document.getElementById('charts')
  var tbody = document.querySelector('#table tbody')
  var pending = []
  data.metrics.forEach(function (m) {
    var s = section(m)
    charts.appendChild(s.section)
    pending.push([m, s.box, s.hover])
    tbody.appendChild(tableRow(m))
  })
  pending.forEach(function (p) {
    chart(p[0], p[1], p[2])
  })

  function options(select, values) {
    values.forEach(function (v) {
      select.appendChild(el('option', { value: v }, v))
    })
  }
  var uniq = function (key) {
    return data.metrics
      .map(function (m) {
        return m[key]
      })
      .filter(function (v, i, a) {
        return a.indexOf(v) === i
      })
      .sort()
  }
  var suite = document.getElementById('filter-suite')
  var family = document.getElementById('filter-family')
  options(suite, uniq('suite'))
  options(family, uniq('family'))
  function applyFilters() {
    document.querySelectorAll('[data-metric]').forEach(function (node) {
      var ok = (!suite.value || node.getAttribute('data-suite') === suite.value) && (!family.value || node.getAttribute('data-family') === family.value)
      node.hidden = !ok
    })
  }
  suite.addEventListener('change', applyFilters)
  family.addEventListener('change', applyFilters)
  var view = document.getElementById('view')
  view.addEventListener('change', function () {
    document.getElementById('charts').hidden = view.value !== 'charts'
    document.getElementById('table').hidden = view.value !== 'table'
  })
  document.body.setAttribute('data-script-ms', String(Math.round(performance.now() - started)))
  document.body.setAttribute('data-ready', String(Math.round(performance.now())))
})()

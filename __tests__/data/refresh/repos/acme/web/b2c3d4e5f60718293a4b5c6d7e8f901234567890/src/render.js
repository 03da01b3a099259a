'use strict';
const escapeHtml = require('escape-html');

function greeting(req, res) {
  const name = req.query.name || 'guest';
  res.send('<h1>Hello, ' + escapeHtml(name) + '</h1>');
}

function health(req, res) {
  res.json({ ok: true });
}

module.exports = { greeting, health };

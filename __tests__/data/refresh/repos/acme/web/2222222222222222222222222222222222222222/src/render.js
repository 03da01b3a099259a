'use strict';

function greeting(req, res) {
  const name = req.query.name || 'guest';
  res.send('<h1>Hello, ' + name + '</h1>');
}

function health(req, res) {
  res.json({ ok: true });
}

module.exports = { greeting, health };

'use strict';

const express = require('express');
const { exec } = require('child_process');
const db = require('./db');

const app = express();
app.use(express.json());

// Look a user up by id.
app.get('/users/:id', async (req, res) => {
  const rows = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  if (rows.length === 0) {
    return res.status(404).send('not found');
  }
  res.send(`<h1>${rows[0].name}</h1>`);
});

app.post('/convert', function (req, res) {
  exec('convert ' + req.body.file, (err, stdout) => {
    if (err) {
      return res.status(500).send(err.message);
    }
    res.send(stdout);
  });
});

function loadConfig(path) {
  const defaults = { debug: false };
  function merge(target, source) {
    for (const key of Object.keys(source)) {
      target[key] = source[key];
    }
    return target;
  }
  return merge(defaults, require(path));
}

function* idGenerator() {
  let id = 0;
  while (true) yield id++;
}

const sanitize = (text) => text.replace(/</g, '&lt;');

class SessionStore {
  constructor(secret) {
    this.secret = secret;
    this.sessions = new Map();
  }

  get(id) {
    return this.sessions.get(id);
  }

  create = (user) => {
    const id = Math.random().toString(36).slice(2);
    this.sessions.set(id, { user });
    return id;
  };
}

module.exports = {
  app,
  loadConfig,
  verify(token) {
    return token === process.env.TOKEN;
  },
};

app.listen(3000);

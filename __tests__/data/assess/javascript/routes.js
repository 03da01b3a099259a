const express = require('express');
const jwt = require('jsonwebtoken');
const { exec, execFile } = require('child_process');

const router = express.Router();
const JWT_SECRET = 'b7e1c0f4a9d2e6f8';

function authenticate(req, res, next) {
  const token = (req.get('authorization') || '').replace(/^Bearer /, '');
  try {
    req.user = jwt.verify(token, JWT_SECRET, { ignoreExpiration: true, algorithms: ['HS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

router.get('/posts/:id/delete', authenticate, async (req, res) => {
  await Post.deleteOne({ _id: req.params.id, author: req.user.sub });
  res.redirect('/posts');
});

router.post('/backup', authenticate, (req, res) => {
  exec(`tar czf /backups/${req.body.name}.tgz /srv/data`, (err) => {
    res.status(err ? 500 : 204).end();
  });
});

router.post('/import', authenticate, (req, res) => {
  execFile('git', ['clone', '--depth', '1', req.body.url, '/srv/imports/tmp'], (err) => {
    res.status(err ? 500 : 201).end();
  });
});

function encodeHeader(type, payloadLength) {
  const header = Buffer.allocUnsafe(16);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payloadLength, 4);
  return header;
}

function health(req, res) {
  res.json({ ok: true });
}

module.exports = { router, encodeHeader, health };

const express = require('express');
const { exec } = require('child_process');

const app = express();
app.use(express.json());

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

app.post('/backup', (req, res) => {
  const target = req.body.target;
  exec(`tar czf /backups/${target}.tgz /srv/data`, (err) => {
    if (err) return res.status(500).json({ error: err.message });
    res.json({ ok: true });
  });
});

function resetToken() {
  return Math.random().toString(36).slice(2);
}

module.exports = { app, resetToken };

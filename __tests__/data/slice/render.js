function renderComment(req, res) {
  const { id, body } = req.query;
  const user = req.session.user;
  let html = '<div>';
  if (!user) {
    res.status(403);
    return;
  }
  for (const tag of TAGS) {
    html += `<span>${tag}</span>`;
  }
  html += body;
  audit(user.name, id);
  res.send(html + '</div>');
}

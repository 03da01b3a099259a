def find_user(db, request, limit=10):
    """Look a user up by name."""
    name = request.args.get("name")
    debug = request.args.get("debug")
    # Build the query.
    query = "SELECT * FROM users WHERE name = '%s'" % name
    if debug:
        print("query:", query)
    cursor = db.cursor()
    cursor.execute(query)
    rows = cursor.fetchall()
    count = len(rows)
    total = 0
    for row in rows:
        total += row.score
    if count > limit:
        return rows[:limit]
    return rows
